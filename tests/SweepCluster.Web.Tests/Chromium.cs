// Debian's Chromium driven by Playwright: Playwright's own browser download does not work here, so the system
// browser is launched by path with the flags that work in this sandbox (headless, no sandbox, no GPU, no background
// network traffic). Screenshots go under the test output's TestResults/screenshots/.
using Microsoft.Playwright;

namespace SweepCluster.Web.Tests;

public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

    /// <summary>Where the tests' screenshots are saved.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    /// <summary>A wide viewport, so the report's charts sit side by side as on a desktop.</summary>
    public static readonly ViewportSize Viewport = new() { Width = 1400, Height = 1000 };

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });

    /// <summary>Saves a full-page screenshot as TestResults/screenshots/<paramref name="name"/>.png; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
