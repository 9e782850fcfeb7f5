// A Redis password never appears in what the CLI prints: not for a malformed connection string, not for an unreachable
// server, not where a message quotes the string back; and it never goes on the command line, where `ps` shows it: the
// CLI and the silo refuse it there and name the environment variable instead. The redaction itself, on texts that do and do not parse.
using SweepCluster.Hosting;

namespace SweepCluster.Cli.Tests;

public sealed class SecretRedactionTests
{
    private const string Secret = "s3cr3t-never-shown-41d9";

    [Theory]
    [InlineData("redis:6379,password=" + Secret, "redis:6379,password=***")]
    [InlineData("redis:6379,ssl=true,Password = " + Secret + ",abortConnect=false", "redis:6379,ssl=true,Password = ***,abortConnect=false")]
    [InlineData("redis:6379", "redis:6379")]
    public void A_connection_string_is_shown_without_its_password(string redis, string shown) =>
        Assert.Equal(shown, RedisText.Redact(redis));

    [Fact]
    public void A_message_that_quotes_the_password_alone_is_scrubbed_too() =>
        Assert.Equal("auth failed for *** at redis:6379,password=***",
            RedisText.Scrub($"auth failed for {Secret} at redis:6379,password={Secret}", $"redis:6379,password={Secret}"));

    [Theory]
    [InlineData("status", "some-sweep")]
    [InlineData("list")]
    public void An_unreachable_redis_is_reported_without_the_password(params string[] command)
    {
        var (exit, text) = CliRunner.ProcessWith(null, RedisVariable($"127.0.0.1:{FreePort()},password={Secret},connectTimeout=500"), command);

        Assert.Equal(1, exit);
        Assert.Contains("could not reach Redis", text);
        Assert.Contains("password=***", text);
        Assert.DoesNotContain(Secret, text);
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_without_the_password()
    {
        var (exit, text) = CliRunner.ProcessWith(null, RedisVariable($",password={Secret},,"), "status", "some-sweep");

        Assert.Equal(2, exit);
        Assert.Contains("--redis", text);
        Assert.DoesNotContain(Secret, text);
    }

    [Theory]
    [InlineData("--redis", "127.0.0.1:6379,password=" + Secret)]
    [InlineData("--redis=127.0.0.1:6379,password=" + Secret)]
    public void A_password_on_the_command_line_is_refused_before_anything_is_contacted(params string[] flag)
    {
        var (exit, output) = CliRunner.Process(["status", "some-sweep", .. flag]);
        var text = string.Join(' ', output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)); // the console wraps lines

        Assert.Equal(2, exit);
        Assert.Contains("a password on the command line is visible", text);
        Assert.Contains("SweepCluster__Redis", text);
        Assert.DoesNotContain(Secret, text);
    }

    [Fact]
    public void The_silo_refuses_a_password_on_the_command_line_too()
    {
        var refusal = Assert.Throws<ArgumentException>(() =>
            CommandLineSecrets.RefuseRedisPassword(["--clustering", "redis", "--redis", $"db:6379,password={Secret}"]));

        Assert.Contains("SweepCluster__Redis", refusal.Message);
        Assert.DoesNotContain(Secret, refusal.Message);
        CommandLineSecrets.RefuseRedisPassword(["--clustering", "redis", "--redis", "db:6379"]);
    }

    private static Dictionary<string, string> RedisVariable(string value) => new() { [CommandLineSecrets.RedisVariable] = value };

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
