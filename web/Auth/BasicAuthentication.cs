// HTTP basic authentication as an ASP.NET Core authentication scheme: checks the Authorization header against the
// configured WebCredentials in constant time and challenges with WWW-Authenticate. It does not decide which pages
// need a user (the authorization policy does).
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SweepCluster.Web.Hosting;

namespace SweepCluster.Web.Auth;

/// <summary>Names of the basic scheme.</summary>
public static class BasicAuthenticationDefaults
{
    /// <summary>The scheme name.</summary>
    public const string Scheme = "Basic";

    /// <summary>The realm browsers show in their password prompt.</summary>
    public const string Realm = "SweepCluster";
}

/// <summary>Authenticates requests that carry the one configured user and password.</summary>
internal sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, WebCredentials credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, BasicAuthenticationDefaults.Scheme, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (Decode(header.Parameter) is not var (user, password))
            return Task.FromResult(AuthenticateResult.Fail("malformed basic credentials"));
        if (!(SameText(user, credentials.User) & SameText(password, credentials.Password)))
            return Task.FromResult(AuthenticateResult.Fail("wrong user or password"));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{BasicAuthenticationDefaults.Scheme} realm=\"{BasicAuthenticationDefaults.Realm}\", charset=\"UTF-8\"";
        return base.HandleChallengeAsync(properties);
    }

    /// <summary>"user:password" from base64; null when malformed.</summary>
    private static (string User, string Password)? Decode(string? parameter)
    {
        if (string.IsNullOrEmpty(parameter)) return null;
        Span<byte> bytes = new byte[parameter.Length];
        if (!Convert.TryFromBase64String(parameter, bytes, out var length)) return null;
        var text = Encoding.UTF8.GetString(bytes[..length]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : (text[..colon], text[(colon + 1)..]);
    }

    /// <summary>Equality in time independent of where the texts differ.</summary>
    private static bool SameText(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
