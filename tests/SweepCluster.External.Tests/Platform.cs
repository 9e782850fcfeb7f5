// The process tests need Linux: python3 trainers, SIGTERM, and /proc to see that no process is left behind.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
