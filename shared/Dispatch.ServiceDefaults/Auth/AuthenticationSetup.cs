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
    /// <summary>Every service validates the gateway's tokens itself: signature, issuer, audience, lifetime.</summary>
    public static WebApplicationBuilder AddDispatchAuthentication(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.SectionName));

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKeys = options.Keys(),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = options.ClockSkew,
                    NameClaimType = DispatchClaims.Username,
                    RoleClaimType = DispatchClaims.Role,
                };
            });
        // Keys are looked up per token, so a changed Auth:SigningKeysFile (or reloaded Auth:SigningKeys) applies without a restart.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptionsMonitor<AuthOptions>>((jwt, monitor) =>
                jwt.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => monitor.CurrentValue.Keys());

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddDispatchPolicies();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenProblemHandler>();
        return builder;
    }
}
