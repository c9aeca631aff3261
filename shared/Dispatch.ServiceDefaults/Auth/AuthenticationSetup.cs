using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.ServiceDefaults.Auth;

public static class AuthenticationSetup
{
    /// <summary>The scheme of the token an account must use to choose its own password first (<see cref="AuthOptions.PasswordChangeAudience"/>).</summary>
    public const string PasswordChangeScheme = "PasswordChange";

    /// <summary>The policy of <c>POST /api/auth/password</c>: either token, a full one or one that only changes the password.</summary>
    public const string PasswordChangePolicy = "password-change";

    /// <summary>
    /// Every service validates the gateway's tokens itself: signature, issuer, audience, lifetime, and that the
    /// account's session has not ended since the token was issued (<see cref="EndedSessions"/>).
    /// </summary>
    public static WebApplicationBuilder AddDispatchAuthentication(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.SectionName));
        builder.Services.AddSingleton<EndedSessions>();

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt => Configure(jwt, options, options.Audience));
        ResolveKeysPerToken(builder.Services, JwtBearerDefaults.AuthenticationScheme);

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddDispatchPolicies();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenProblemHandler>();
        return builder;
    }

    /// <summary>
    /// The gateway's second scheme: the token of an account that must choose its own password (its audience is
    /// <see cref="AuthOptions.PasswordChangeAudience"/>, which no other endpoint accepts).
    /// </summary>
    public static WebApplicationBuilder AddPasswordChangeAuthentication(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddAuthentication().AddJwtBearer(PasswordChangeScheme, jwt => Configure(jwt, options, options.PasswordChangeAudience));
        ResolveKeysPerToken(builder.Services, PasswordChangeScheme);
        builder.Services.AddAuthorizationBuilder().AddPolicy(PasswordChangePolicy, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, PasswordChangeScheme)
            .RequireAuthenticatedUser());
        return builder;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions options, string audience)
    {
        jwt.MapInboundClaims = false;
        // A refused token is told only that it was refused ("Bearer error=invalid_token"), not which check it failed.
        jwt.IncludeErrorDetails = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = options.Keys(),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = options.ClockSkew,
            NameClaimType = DispatchClaims.Username,
            RoleClaimType = DispatchClaims.Role,
        };
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (context.HttpContext.RequestServices.GetRequiredService<EndedSessions>().HasEnded(context.Principal!))
                    context.Fail("This session has ended: sign in again.");
                return Task.CompletedTask;
            },
        };
    }

    // Keys are looked up per token, so a changed Auth:SigningKeysFile (or reloaded Auth:SigningKeys) applies without a restart.
    private static void ResolveKeysPerToken(IServiceCollection services, string scheme) =>
        services.AddOptions<JwtBearerOptions>(scheme)
            .Configure<IOptionsMonitor<AuthOptions>>((jwt, monitor) =>
                jwt.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => monitor.CurrentValue.Keys());
}
