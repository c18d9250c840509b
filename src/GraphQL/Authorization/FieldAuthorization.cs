using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;

namespace TicketMaster.GraphQL.Authorization;

/// <summary>
/// Enforces what a field declares with GraphQL.NET's metadata (<c>Authorize()</c>,
/// <c>AuthorizeWithRoles</c>, <c>AuthorizeWithPolicy</c>, <c>AllowAnonymous()</c>) before its
/// resolver runs. Policies are ASP.NET Core authorization policies, so an ownership rule ("the
/// event's organizer") is an <see cref="IAuthorizationHandler"/> that receives the field's
/// resource: the parent object for a field, the typed input for a mutation.
/// </summary>
public static class FieldAuthorization
{
    public const string NotAuthenticatedCode = "AUTH_NOT_AUTHENTICATED";
    public const string NotAuthorizedCode = "AUTH_NOT_AUTHORIZED";

    /// <summary>Whether the field says who may call it: a policy, roles, or explicitly anyone.</summary>
    public static bool HasDeclaredPolicy(this IMetadataReader field) => field.IsAuthorizationRequired() || field.IsAnonymousAllowed();

    /// <summary>Null when the caller may resolve the field for <paramref name="resource"/>; otherwise why not.</summary>
    public static async ValueTask<ExecutionError?> CheckAsync(IMetadataReader field, IResolveFieldContext context, object? resource)
    {
        if (!field.IsAuthorizationRequired())
        {
            return null;
        }

        var user = context.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return new ExecutionError("Log in first: send `Authorization: Bearer <accessToken>`.") { Code = NotAuthenticatedCode };
        }

        if (field.GetRoles() is { Count: > 0 } roles && !roles.Any(user.IsInRole))
        {
            return new NotAuthorizedException($"Only {string.Join(" or ", roles)} accounts may do this.");
        }

        foreach (var policy in field.GetPolicies() ?? [])
        {
            var authorization = context.RequestServices!.GetRequiredService<IAuthorizationService>();
            var result = await authorization.AuthorizeAsync(user, resource, policy);
            if (!result.Succeeded)
            {
                var reason = result.Failure?.FailureReasons.FirstOrDefault()?.Message;
                return new NotAuthorizedException(reason ?? $"You may not do this: it needs the {policy} policy.");
            }
        }

        return null;
    }
}

/// <summary>
/// The caller is signed in but not allowed: as a field error (<c>AUTH_NOT_AUTHORIZED</c>), or as
/// <c>NotAuthorizedError</c> in a mutation's payload.
/// </summary>
[Description("You are signed in but not allowed to do this (for example, the event belongs to another organizer). Nothing was changed.")]
public sealed class NotAuthorizedException : ExecutionError
{
    public NotAuthorizedException(string message)
        : base(message) => Code = FieldAuthorization.NotAuthorizedCode;
}
