// How messages name a Redis connection string: its endpoints and options, never its password. Works on any text, so
// a string that does not even parse is shown redacted too, and so is a library's message that quotes it.
using System.Text.RegularExpressions;

namespace SweepCluster.Hosting;

public static partial class RedisText
{
    /// <summary>What stands where a password was.</summary>
    public const string Hidden = "***";

    /// <summary><paramref name="redis"/> with the value of every <c>password=</c> option replaced by <see cref="Hidden"/>.</summary>
    public static string Redact(string redis) => PasswordOption().Replace(redis, match => $"{match.Groups["key"].Value}{Hidden}");

    /// <summary><paramref name="message"/> with <paramref name="redis"/>'s password, wherever it appears, replaced.</summary>
    public static string Scrub(string? message, string redis)
    {
        var text = Redact(message ?? "");
        foreach (Match option in PasswordOption().Matches(redis))
        {
            var password = option.Groups["value"].Value;
            if (password.Length > 0) text = text.Replace(password, Hidden, StringComparison.Ordinal);
        }
        return text;
    }

    // password=VALUE up to the next comma (StackExchange.Redis options are comma-separated key=value pairs).
    [GeneratedRegex(@"(?<key>\bpassword\s*=\s*)(?<value>[^,]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordOption();
}
