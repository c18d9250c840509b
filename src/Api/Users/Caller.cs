using System.Globalization;
using System.Security.Claims;
using GraphQL;
using TicketMaster.GraphQL.Mutations;

namespace TicketMaster.Api.Users;

/// <summary>Who is calling, from the access token's claims.</summary>
public static class Caller
{
    /// <summary>The signed-in user's id, or null for an anonymous caller.</summary>
    public static int? UserIdOf(ClaimsPrincipal? principal) =>
        int.TryParse(principal?.FindFirst(AccessTokens.UserIdClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The signed-in caller of a field that declares <c>Authorize()</c> (checked before it runs).</summary>
    public static int UserId(this IResolveFieldContext context) =>
        UserIdOf(context.User) ?? throw new InvalidOperationException("A field that reads the caller must declare Authorize().");

    /// <summary>The signed-in caller of a mutation that declares <c>Authorize()</c> (checked before it runs).</summary>
    public static int UserId(this MutationContext context) =>
        UserIdOf(context.User) ?? throw new InvalidOperationException("A mutation that reads the caller must declare Authorize().");
}
