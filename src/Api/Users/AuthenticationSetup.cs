using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using TicketMaster.Users;

namespace TicketMaster.Api.Users;

public static class AuthenticationSetup
{
    /// <summary>JWT bearer tokens on HTTP; an absent or invalid token leaves the caller anonymous.</summary>
    /// <remarks>Throws, so the Api does not start, when the signing key would fail quietly (<see cref="SigningKeyCheck"/>).</remarks>
    public static IServiceCollection AddTicketMasterAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (SigningKeyCheck.Problem(auth.SigningKey, environment.IsDevelopment(), auth.KeyRing.Enabled) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        services.AddSingleton(provider => provider.GetRequiredService<IConfiguration>().GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions());
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<ConfiguredAccessTokenKey>();
        services.AddSingleton<IAccessTokenKeys>(provider => provider.GetRequiredService<AuthOptions>().UsesKeyRing
            ? provider.GetRequiredService<SigningKeyRing>()
            : provider.GetRequiredService<ConfiguredAccessTokenKey>());
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<IAccessTokenIssuer>(provider => provider.GetRequiredService<AccessTokens>());
        services.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<User>, Microsoft.AspNetCore.Identity.PasswordHasher<User>>();
        services.AddSingleton(provider => provider.GetRequiredService<IConfiguration>().GetSection(CredentialThrottleOptions.SectionName).Get<CredentialThrottleOptions>() ?? new CredentialThrottleOptions());
        services.AddSingleton<CredentialThrottle>();
        services.AddHttpContextAccessor();
        services.AddScoped<RegisterUser>();
        services.AddScoped<LogIn>();
        services.AddSingleton(provider => new RefreshTokenPolicy(provider.GetRequiredService<AuthOptions>().RefreshTokenLifetime));
        services.AddScoped<RefreshAccessToken>();
        services.AddScoped<LogOut>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<AuthOptions, IAccessTokenKeys>((jwt, options, keys) =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKeyResolver = (_, _, keyId, _) => keys.Find(keyId) is { } key ? [key] : [],
                NameClaimType = Microsoft.IdentityModel.JsonWebTokens.JwtRegisteredClaimNames.UniqueName,
                RoleClaimType = AccessTokens.RoleClaim,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        services.AddTicketMasterPolicies();
        return services;
    }
}
