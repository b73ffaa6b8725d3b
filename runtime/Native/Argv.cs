using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace CsoundBindings.Native;

/// <summary>A C <c>argv</c>: NUL-terminated UTF-8 strings in native memory and the null-ended pointer array, freed on dispose.</summary>
internal sealed unsafe class Argv : IDisposable
{
    private readonly byte** _pointers;
    private readonly int _count;

    public Argv(IReadOnlyList<string> arguments)
    {
        _count = arguments.Count;
        _pointers = (byte**)NativeMemory.AllocZeroed((nuint)(_count + 1), (nuint)sizeof(byte*));
        for (int i = 0; i < _count; i++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(arguments[i]);
            byte* text = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
            bytes.CopyTo(new Span<byte>(text, bytes.Length));
            text[bytes.Length] = 0;
            _pointers[i] = text;
        }
    }

    /// <summary>The number of arguments (argc).</summary>
    public int Count => _count;

    /// <summary>The pointer array (argv), valid until disposed.</summary>
    public byte** Pointers => _pointers;

    public void Dispose()
    {
        for (int i = 0; i < _count; i++)
        {
            NativeMemory.Free(_pointers[i]);
        }
        NativeMemory.Free(_pointers);
    }
}
