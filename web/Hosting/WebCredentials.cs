// The basic-auth credentials of a silo's web host: the user from --http-user, the password from an environment
// variable (never from the command line, where `ps` would show it). It does not check requests (the handler does).
namespace SweepCluster.Web.Hosting;

/// <summary>The one user allowed on the web host, with its password.</summary>
public sealed record WebCredentials(string User, string Password)
{
    /// <summary>The credentials <paramref name="options"/> ask for; null when no <c>--http-user</c> is set.</summary>
    /// <param name="environment">Reads an environment variable (Environment.GetEnvironmentVariable by default).</param>
    /// <exception cref="ArgumentException">A user without a password in <see cref="SweepWebOptions.PasswordVariable"/>.</exception>
    public static WebCredentials? From(SweepWebOptions options, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.User)) return null;
        var password = (environment ?? Environment.GetEnvironmentVariable)(SweepWebOptions.PasswordVariable);
        if (string.IsNullOrEmpty(password))
            throw new ArgumentException($"--http-user '{options.User}' needs a password in the environment variable {SweepWebOptions.PasswordVariable} (it is never taken from the command line)");
        return new WebCredentials(options.User, password);
    }

    /// <summary>Hides the password from logs and debugger views.</summary>
    public override string ToString() => $"{User}:***";
}
