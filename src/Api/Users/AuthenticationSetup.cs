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
        if (SigningKeyCheck.Problem(configuration[$"{AuthOptions.SectionName}:{nameof(AuthOptions.SigningKey)}"], environment.IsDevelopment()) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        services.AddSingleton(provider => provider.GetRequiredService<IConfiguration>().GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions());
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<IAccessTokenIssuer>(provider => provider.GetRequiredService<AccessTokens>());
        services.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<User>, Microsoft.AspNetCore.Identity.PasswordHasher<User>>();
        services.AddSingleton(provider => provider.GetRequiredService<IConfiguration>().GetSection(CredentialThrottleOptions.SectionName).Get<CredentialThrottleOptions>() ?? new CredentialThrottleOptions());
        services.AddSingleton<CredentialThrottle>();
        services.AddHttpContextAccessor();
        services.AddScoped<RegisterUser>();
        services.AddScoped<LogIn>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<AuthOptions>((jwt, options) =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKey = new SymmetricSecurityKey(options.SigningKeyBytes()),
                NameClaimType = Microsoft.IdentityModel.JsonWebTokens.JwtRegisteredClaimNames.UniqueName,
                RoleClaimType = AccessTokens.RoleClaim,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        services.AddTicketMasterPolicies();
        return services;
    }
}
