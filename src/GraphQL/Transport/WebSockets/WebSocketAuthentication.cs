using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace TicketMaster.GraphQL.Transport.WebSockets;

/// <summary>
/// Who a WebSocket connection acts for: the <c>Authorization</c> entry of the <c>connection_init</c>
/// payload (browsers cannot set headers on a WebSocket), else the upgrade request's own header.
/// Tokens are checked with exactly the parameters the HTTP bearer handler uses.
/// </summary>
public sealed class WebSocketAuthentication(IOptionsMonitor<JwtBearerOptions> jwtOptions)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <returns>The caller, or null when the payload carries a token that is not valid (forbidden).</returns>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(JsonElement? payload, ClaimsPrincipal fromUpgradeRequest)
    {
        if (FindAuthorization(payload) is not { } authorization)
        {
            return fromUpgradeRequest;
        }

        const string bearer = "Bearer ";
        if (!authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parameters = jwtOptions.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        var result = await _handler.ValidateTokenAsync(authorization[bearer.Length..].Trim(), parameters);
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }

    private static string? FindAuthorization(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } values)
        {
            return null;
        }

        foreach (var property in values.EnumerateObject())
        {
            if (property.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        return null;
    }
}
