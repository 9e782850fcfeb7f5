// The one text form of an instant that SweepCluster writes where a value is text: the SQLite store's timestamps and the
// run tables' `finished` column. ISO 8601 in UTC to the microsecond, which sqlite3's date functions and pandas read, and
// which sorts as text in time order. It parses nothing (readers use DateTimeOffset.Parse).
using System.Globalization;

namespace SweepCluster.Core;

/// <summary>Instants as ISO-8601 UTC text.</summary>
public static class IsoInstant
{
    /// <summary>The format string: "2026-11-26T17:26:00.123456Z".</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary><paramref name="instant"/> in UTC as <see cref="Format"/>.</summary>
    public static string Of(DateTimeOffset instant) => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
