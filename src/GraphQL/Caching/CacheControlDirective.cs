using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQLParser.AST;

namespace TicketMaster.GraphQL.Caching;

/// <summary>Who may keep a cached answer (Hot Chocolate's <c>CacheControlScope</c>).</summary>
public enum CacheControlScope
{
    Public,
    Private,
}

public sealed class CacheControlScopeType : EnumerationGraphType<CacheControlScope>
{
    public CacheControlScopeType()
    {
        Name = "CacheControlScope";
        Description = "Who may keep a cached response: any cache (a CDN) or only the caller's own browser.";
        Values["PUBLIC"]!.Description = "Shared caches (CDNs, proxies) may keep the response and serve it to anyone.";
        Values["PRIVATE"]!.Description = "Only the caller's own client may keep the response: it depends on who asks.";
    }
}

/// <summary>
/// <c>@cacheControl</c> as Hot Chocolate declares it. The transport reads it to compute a response's
/// <c>Cache-Control</c> (<see cref="CachePolicy"/>); it is printed in the SDL so clients and CDN
/// configurations can see what is cacheable, and for how long.
/// </summary>
public sealed class CacheControlDirective : Directive
{
    public const string DirectiveName = "cacheControl";

    public CacheControlDirective()
        : base(DirectiveName, DirectiveLocation.Object, DirectiveLocation.FieldDefinition, DirectiveLocation.Interface, DirectiveLocation.Union)
    {
        Description = "How long, and by whom, responses that read this field or type may be cached. A response's `Cache-Control` takes the smallest `maxAge` of the fields it read and is `private` when any of them is.";
        Arguments = new QueryArguments(
            new QueryArgument<IntGraphType> { Name = "maxAge", Description = "Seconds the value may be cached. Unset: the value of the parent field (or, at the root, not cacheable)." },
            new QueryArgument<CacheControlScopeType> { Name = "scope", Description = "PRIVATE when the value depends on who asks; PUBLIC (the default) otherwise.", DefaultValue = CacheControlScope.Public },
            new QueryArgument<BooleanGraphType> { Name = "inheritMaxAge", Description = "True: take the parent field's `maxAge` even though this field's type has one of its own." });
    }
}

public static class CacheControlExtensions
{
    /// <summary>Applies <c>@cacheControl</c> to a type or field definition.</summary>
    public static T CacheControl<T>(this T target, int? maxAge = null, CacheControlScope scope = CacheControlScope.Public, bool inheritMaxAge = false)
        where T : IMetadataWriter =>
        target.ApplyDirective(CacheControlDirective.DirectiveName, directive => Fill(directive, maxAge, scope, inheritMaxAge));

    public static FieldBuilder<TSource, TReturn> CacheControl<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int? maxAge = null, CacheControlScope scope = CacheControlScope.Public, bool inheritMaxAge = false)
    {
        field.FieldType.CacheControl(maxAge, scope, inheritMaxAge);
        return field;
    }

    private static void Fill(AppliedDirective directive, int? maxAge, CacheControlScope scope, bool inheritMaxAge)
    {
        if (maxAge is { } seconds)
        {
            directive.AddArgument(new DirectiveArgument("maxAge") { Value = seconds });
        }

        if (scope != CacheControlScope.Public)
        {
            directive.AddArgument(new DirectiveArgument("scope") { Value = scope });
        }

        if (inheritMaxAge)
        {
            directive.AddArgument(new DirectiveArgument("inheritMaxAge") { Value = true });
        }
    }

    /// <summary>The hint on a type or field, if it has one.</summary>
    internal static CacheHint? FindCacheHint(this IMetadataReader element) =>
        element.FindAppliedDirective(CacheControlDirective.DirectiveName) is { } directive
            ? new CacheHint(
                directive.FindArgument("maxAge")?.Value is { } age ? Convert.ToInt32(age, System.Globalization.CultureInfo.InvariantCulture) : null,
                directive.FindArgument("scope")?.Value is CacheControlScope.Private,
                directive.FindArgument("inheritMaxAge")?.Value is true)
            : null;
}

internal sealed record CacheHint(int? MaxAge, bool Private, bool InheritMaxAge);

/// <summary>The <c>maxAge</c>s the schema uses, named so a reader sees which staleness each field accepts.</summary>
public static class CacheMaxAge
{
    /// <summary>The catalogue (events, venues, performers): changes are rare and evict the server cache.</summary>
    public const int Catalogue = 60;

    /// <summary>Search results and suggestions: the index itself lags writes by a few seconds.</summary>
    public const int Search = 30;

    /// <summary>Seat counts and statuses: on sale they change every second, so a cached page may lag by at most this.</summary>
    public const int Live = 5;
}
