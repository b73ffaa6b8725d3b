using System.Globalization;

namespace CsoundBindings.Options;

/// <summary>A score or orchestra field read as a number (invariant culture, blanks around it ignored), or null.</summary>
internal static class ScoreNumber
{
    public static double? Parse(string field) =>
        double.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;
}
