// Whether a process is gone: no /proc entry, or a zombie (killed, waiting for a parent that may be a container's init
// that never reaps). A SIGKILLed process disappears asynchronously, so the check waits for it (a safety net of 10 s,
// never a threshold the test measures).
namespace SweepCluster.External.Tests;

internal static class Processes
{
    public static async Task AssertGoneAsync(int pid)
    {
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (IsAlive(pid))
        {
            if (safetyNet.IsCancellationRequested) Assert.Fail($"process {pid} is still running");
            await Task.Delay(20, CancellationToken.None);
        }
    }

    private static bool IsAlive(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
        // "pid (comm) S ...": the state follows the last ')'.
        var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
        return state is not ("Z" or "X");
    }
}
