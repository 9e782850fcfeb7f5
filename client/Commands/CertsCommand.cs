// `sweep certs DIR HOST...`: a cluster's certificates, made with .NET's own APIs. The first run makes the CA in DIR
// (ca.crt, and ca.key readable by its owner only); every run issues one certificate per HOST (HOST.crt and HOST.key)
// signed by that CA, for a silo host or a CLI user alike. Existing files are never overwritten. It prints the files
// it wrote and the flags that use them, never a key.
using System.CommandLine;
using SweepCluster.Hosting.Security;
using Spectre.Console;

namespace SweepCluster.Cli.Commands;

public static class CertsCommand
{
    /// <summary>The most days a member's certificate may be valid (the CA's own lifetime).</summary>
    private static readonly int MaxDays = (int)ClusterCertificateIssuer.AuthorityLifetime.TotalDays;

    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "The cluster's certificate folder: its CA is made there on the first run." };
        var hosts = new Argument<string[]>("HOST") { Description = "Members to issue a certificate for: silo hosts and CLI users (e.g. silo1 silo2 alice).", Arity = ArgumentArity.ZeroOrMore };
        var days = new Option<int>("--days")
        {
            Description = "Days each new certificate is valid.",
            DefaultValueFactory = _ => ClusterCertificateIssuer.DefaultMemberDays,
        };
        var caName = new Option<string>("--ca-name")
        {
            Description = "The CA's name in its certificate, when it is made.",
            DefaultValueFactory = _ => ClusterCertificateFiles.DefaultAuthoritySubject,
        };
        var command = new Command("certs", "Make a cluster's TLS certificates: a CA (first run) and one certificate per host, signed by it.")
        {
            directory, hosts, days, caName,
        };
        command.SetAction((parse, _) => CommandErrors.GuardAsync(AnsiConsole.Console, () => Task.FromResult(
            Run(AnsiConsole.Console, parse.GetValue(directory)!.FullName, parse.GetValue(hosts) ?? [], parse.GetValue(days), parse.GetValue(caName)!))));
        return command;
    }

    /// <exception cref="InvalidFlagException">A name, the days or the folder cannot be used; nothing was written for that host.</exception>
    public static int Run(IAnsiConsole console, string directory, IReadOnlyList<string> hosts, int days, string caName)
    {
        if (days < 1 || days > MaxDays) throw new InvalidFlagException($"--days must be 1 to {MaxDays}, got {days}");
        if (string.IsNullOrWhiteSpace(caName) || caName.Contains(',') || caName.Contains('='))
            throw new InvalidFlagException($"--ca-name must be a plain name without ',' or '=', got '{caName}'");
        var invalid = hosts.FirstOrDefault(h => !ClusterCertificateFiles.IsValidMemberName(h));
        if (invalid is not null) throw new InvalidFlagException($"HOST '{invalid}' is not a valid name: {ClusterCertificateFiles.MemberNameRule}");
        var duplicate = hosts.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidFlagException($"HOST '{duplicate.Key}' is given twice");

        var files = new ClusterCertificateFiles(directory);
        var existing = hosts.FirstOrDefault(h => File.Exists(files.CertificatePath(h)) || File.Exists(files.KeyPath(h)));
        if (existing is not null)
            throw new InvalidFlagException($"{files.CertificatePath(existing)} or its key exists already: delete both to issue a new one, or choose another name");
        var now = DateTimeOffset.UtcNow;
        var (authority, created) = Guard(() => files.LoadOrCreateAuthority(caName, now));
        using (authority)
        {
            if (created)
                console.MarkupLineInterpolated($"made the CA: {files.AuthorityCertificatePath} and {files.AuthorityKeyPath} (keep the key off the silo hosts and safe: it lets anyone join)");
            else
                console.MarkupLineInterpolated($"using the CA in {files.AuthorityCertificatePath}");
            foreach (var host in hosts)
            {
                using var certificate = ClusterCertificateIssuer.IssueMember(authority, host, TimeSpan.FromDays(days), now);
                Guard(() => files.Write(host, certificate));
                console.MarkupLineInterpolated($"issued {host}: {files.CertificatePath(host)} and {files.KeyPath(host)}, valid until {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}");
            }
        }
        if (hosts.Count > 0)
        {
            var example = files.SettingsFor(hosts[0]);
            console.MarkupLineInterpolated(
                $"use: {ClusterTlsSettings.CertificateFlag} {example.Certificate} {ClusterTlsSettings.KeyFlag} {example.Key} {ClusterTlsSettings.CaFlag} {example.Ca}");
        }
        return (int)ExitCode.Success;
    }

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception error) when (error is ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidFlagException(error.Message);
        }
    }

    private static void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });
}
