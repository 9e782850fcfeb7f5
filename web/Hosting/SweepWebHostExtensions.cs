// The ASP.NET Core half of a silo's web host: Kestrel on --http-bind:--http-port (HTTPS only on that port with
// --https-cert and --https-key), optional basic authentication over
// every page, and the routes: / → /sweeps, the sweep pages, the run table's JSON, the scripts' JSON API
// under /api/, and the Orleans dashboard under /dashboard. The silo itself
// is configured by the caller (UseOrleans + AddSweepClusterDashboard; hosting's SweepSiloHost does both, and builds no
// web host at all for --http-port 0).
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;
using SweepCluster.Web.Api;
using SweepCluster.Web.Auth;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Web.Hosting;

/// <summary>Configures and maps a silo's web host.</summary>
public static class SweepWebHostExtensions
{
    /// <summary>Where the Orleans dashboard is mapped.</summary>
    public const string DashboardPrefix = "/dashboard";

    /// <summary>
    /// Listens where <paramref name="options"/> say and adds authentication when <c>--http-user</c> is set.
    /// </summary>
    /// <param name="environment">Reads environment variables (the password); the process environment by default.</param>
    /// <exception cref="ArgumentException">An invalid web setting, port 0 (no web host), or a port that cannot be
    /// listened on, naming its flag.</exception>
    public static WebApplicationBuilder AddSweepClusterWeb(this WebApplicationBuilder builder, SweepWebOptions options,
        Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!options.Enabled) throw new ArgumentException("--http-port 0 means no web host: build the silo without one");
        var credentials = WebCredentials.From(options, environment);
        var certificate = WebCertificate.Load(options);
        HttpPortProbe.EnsureAvailable(options);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.BindAddress, options.Port, listen =>
        {
            if (certificate is not null) listen.UseHttps(certificate);
        }));

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SweepReader>();
        if (credentials is null) return builder;
        builder.Services.AddSingleton(credentials);
        builder.Services.AddAuthentication(BasicAuthenticationDefaults.Scheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationDefaults.Scheme, null);
        // Every request needs the user, including those no endpoint matches and the dashboard's own routes.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(BasicAuthenticationDefaults.Scheme).RequireAuthenticatedUser().Build());
        return builder;
    }

    /// <summary>Maps / (a redirect to /sweeps), the sweep pages, the /api/ routes and the dashboard, behind authentication when configured.</summary>
    public static WebApplication MapSweepClusterWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var secured = app.Services.GetService<WebCredentials>() is not null;
        if (secured)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }
        app.MapGet("/", () => Results.Redirect(SweepEndpoints.ListPath));
        app.MapSweepPages();
        app.MapTrialEndpoints();
        app.MapSweepApi();
        app.MapChartLibrary();
        var dashboard = app.MapOrleansDashboard(routePrefix: DashboardPrefix);
        if (secured) dashboard.RequireAuthorization();
        return app;
    }
}
