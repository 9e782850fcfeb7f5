// SIGTERM for a trainer: .NET's Process.Kill sends SIGKILL, which gives a trainer no chance to save its checkpoint or
// finish its epoch, so the polite signal goes through libc's kill(2). Unix only; Windows has no SIGTERM.
using System.Runtime.InteropServices;

namespace SweepCluster.External;

internal static partial class NativeSignals
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM to <paramref name="processId"/>.</summary>
    /// <returns>False when the process is already gone (or the signal could not be sent) or the platform has no signals.</returns>
    public static bool Terminate(int processId)
    {
        if (OperatingSystem.IsWindows()) return false;
        return Kill(processId, SigTerm) == 0;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
