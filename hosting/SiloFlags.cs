// The silo program's command line checked before the configuration reads it: the configuration's own reader takes
// any --key value and silently ignores keys nobody reads, so a misspelt flag (--slotz 4) would start a silo with the
// defaults. Known: the silo's flags (SweepSiloOptions.SwitchMappings), the generic host's own settings, and
// configuration paths written in full (--Logging:LogLevel:Default Debug, SweepCluster:Slots=4).
using SweepCluster.Specs;

namespace SweepCluster.Hosting;

public static class SiloFlags
{
    /// <summary>Settings the .NET generic host reads from the command line itself.</summary>
    private static readonly IReadOnlyList<string> HostFlags = ["--environment", "--contentRoot", "--applicationName"];

    /// <summary>A configuration path's separator: such a key names a setting in full.</summary>
    private const char PathSeparator = ':';

    /// <exception cref="ArgumentException">An unknown flag (with the closest known one) or a stray argument.</exception>
    public static void RefuseUnknown(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var known = SweepSiloOptions.SwitchMappings.Keys.Concat(HostFlags).ToArray();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=');
            var key = equals < 0 ? arg : arg[..equals];
            if (!arg.StartsWith('-'))
            {
                if (equals > 0 && key.Contains(PathSeparator)) continue; // SweepCluster:Slots=4
                throw new ArgumentException($"unexpected argument '{arg}': the silo takes only flags (--slots 4; see README.md)");
            }
            if (!key.Contains(PathSeparator) && !known.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                var guess = SpecSuggest.Closest(key, known) is { } match ? $": did you mean {match}?" : "";
                throw new ArgumentException($"unknown flag {key}{guess} (the silo's flags are listed in README.md)");
            }
            if (equals < 0) i++; // --key value: the next argument is the value, whatever it looks like (--slots -1)
        }
    }
}
