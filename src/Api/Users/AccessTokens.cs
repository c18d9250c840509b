using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TicketMaster.Users;

namespace TicketMaster.Api.Users;

/// <summary>Issues the JWT access tokens that <c>Authorization: Bearer</c> carries back, with the signing key's <c>kid</c>.</summary>
public sealed class AccessTokens(AuthOptions options, TimeProvider clock, IAccessTokenKeys keys) : IAccessTokenIssuer
{
    public const string UserIdClaim = JwtRegisteredClaimNames.Sub;
    public const string RoleClaim = "role";

    public AccessToken Issue(User user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expiresAt = now + options.AccessTokenLifetime;
        var claims = new List<Claim>
        {
            new(UserIdClaim, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(JwtRegisteredClaimNames.UniqueName, user.Username),
            new(JwtRegisteredClaimNames.Email, user.Email),
        };
        claims.AddRange(Enum.GetValues<Role>().Where(r => r != Role.None && user.IsIn(r)).Select(r => new Claim(RoleClaim, r.ToString())));

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expiresAt,
            SigningCredentials = new SigningCredentials(keys.Signing(), SecurityAlgorithms.HmacSha256),
        });
        return new AccessToken(token, expiresAt);
    }
}
