using System;
using System.Collections.Generic;

namespace CsoundBindings;

public sealed partial class Csound
{
    private List<(MessageAttributes, string)>? _capture;

    /// <summary>
    /// Raised for every piece of text Csound prints, on the thread that makes Csound print (the caller's, or the
    /// performance thread's). Without a handler the text goes to standard error, as Csound itself would print it.
    /// A handler that throws is reported through <see cref="CallbackException"/> and never reaches native code.
    /// </summary>
    public event EventHandler<CsoundMessageEventArgs>? Message;

    /// <summary>Raised when a .NET handler called from Csound threw; the exception is contained, not rethrown.</summary>
    public static event EventHandler<UnhandledExceptionEventArgs>? CallbackException;

    internal void OnNativeMessage(int attributes, string text)
    {
        // A compile on one thread may capture while the performance thread prints: the list is locked.
        if (_capture is { } capture)
        {
            lock (capture)
            {
                capture.Add(((MessageAttributes)attributes, text));
            }
        }
        EventHandler<CsoundMessageEventArgs>? handler = Message;
        if (handler is null)
        {
            Console.Error.Write(text);
            return;
        }
        handler(this, new CsoundMessageEventArgs((MessageAttributes)attributes, text));
    }

    internal static void ReportCallbackException(Exception exception)
    {
        EventHandler<UnhandledExceptionEventArgs>? handler = CallbackException;
        if (handler is null)
        {
            Console.Error.WriteLine($"CsoundBindings: a callback threw and was contained: {exception}");
            return;
        }
        try
        {
            handler(null, new UnhandledExceptionEventArgs(exception, isTerminating: false));
        }
#pragma warning disable CA1031 // the reporter itself must not throw into native code
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
