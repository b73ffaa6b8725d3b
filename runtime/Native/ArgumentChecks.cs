using System;

namespace CsoundBindings;

/// <summary>Argument checks that hand the checked value back.</summary>
internal static class ArgumentExceptionExtensions
{
    extension(ArgumentException)
    {
        public static string ThrowIfNullOrEmptyAndReturn(string? value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(value, name);
            return value;
        }
    }
}
