// A password given on the command line is visible to every user of the machine (`ps`, /proc/PID/cmdline) and stays in
// shell history, so the flags that take a connection string refuse one that carries a password, and say where it
// belongs instead: the environment variable (or, for PostgreSQL, a connection file). The password itself is never
// quoted back.
namespace SweepCluster.Hosting;

public static class CommandLineSecrets
{
    /// <summary>The flag that takes a Redis connection string.</summary>
    public const string RedisFlag = "--redis";

    /// <summary>Where a Redis connection string with a password belongs.</summary>
    public const string RedisVariable = "SweepCluster__Redis";

    /// <summary>Throws when <paramref name="args"/> give <c>--redis</c> a connection string with a password.</summary>
    /// <exception cref="ArgumentException">The one-line refusal, naming the flag and the variable.</exception>
    public static void RefuseRedisPassword(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            var value = args[i] == RedisFlag && i + 1 < args.Count ? args[i + 1]
                : args[i].StartsWith(RedisFlag + "=", StringComparison.Ordinal) ? args[i][(RedisFlag.Length + 1)..]
                : null;
            if (value is not null) RefuseRedisPassword(value);
        }
    }

    /// <summary>Throws when <paramref name="redis"/>, given on the command line, carries a password.</summary>
    /// <exception cref="ArgumentException">The one-line refusal, naming the flag and the variable.</exception>
    public static void RefuseRedisPassword(string redis)
    {
        if (RedisText.Redact(redis) == redis) return;
        throw new ArgumentException(
            $"{RedisFlag} {RedisText.Redact(redis)}: a password on the command line is visible to every user of this machine (ps) " +
            $"and stays in shell history; put the connection string in the environment variable {RedisVariable} instead");
    }
}
