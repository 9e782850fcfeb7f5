// Debian's Chromium driven by Playwright: Playwright's own browser download does not work here, so the system
// browser is launched by path with the flags that work in this sandbox (headless, no sandbox, no GPU, no background
// network traffic). Screenshots go under the test output's TestResults/screenshots/ (or $SWEEPCLUSTER_SCREENSHOTS).
using Microsoft.Playwright;

namespace SweepCluster.Web.Tests;

public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

    /// <summary>The environment variable that moves the screenshots elsewhere.</summary>
    public const string ScreenshotsVariable = "SWEEPCLUSTER_SCREENSHOTS";

    /// <summary>Where the tests' screenshots are saved: $SWEEPCLUSTER_SCREENSHOTS, else TestResults/screenshots/ under the test output.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable(ScreenshotsVariable) is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    /// <summary>A desktop window of 1400×900, for screenshots of what a user sees without scrolling.</summary>
    public static readonly ViewportSize Window = new() { Width = 1400, Height = 900 };

    /// <summary>A wide viewport, so the report's charts sit side by side as on a desktop.</summary>
    public static readonly ViewportSize Viewport = new() { Width = 1400, Height = 1000 };

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });

    /// <summary>Saves a screenshot of the viewport only as <paramref name="name"/>.png; returns its path.</summary>
    public static async Task<string> WindowScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        return path;
    }

    /// <summary>Saves a full-page screenshot as TestResults/screenshots/<paramref name="name"/>.png; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
