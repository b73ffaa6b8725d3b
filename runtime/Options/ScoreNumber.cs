using System;
using System.Globalization;

namespace CsoundBindings.Options;

/// <summary>A score or orchestra field read as a number (invariant culture, blanks around it ignored), or null.</summary>
internal static class ScoreNumber
{
    public static double? Parse(string field) =>
        double.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;

    /// <summary>
    /// A p-field as Csound makes a whole number of it (MYFLT2LRND): rounded to the nearest, halves to even, 0 outside
    /// the range of a long (NaN too), then cut to 32 bits. Replayed in C on Csound 7: GEN -0.78 is -1, 4294967297 is 1.
    /// </summary>
    public static int CsoundInteger(double value) =>
        value > long.MinValue && value < long.MaxValue ? unchecked((int)(long)Math.Round(value, MidpointRounding.ToEven)) : 0;
}
