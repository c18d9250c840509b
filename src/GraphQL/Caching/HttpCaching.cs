using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace TicketMaster.GraphQL.Caching;

/// <summary>
/// Turns a <see cref="CachePolicy"/> into the headers a browser or CDN acts on, and answers a
/// matching <c>If-None-Match</c> with <c>304 Not Modified</c> so a client revalidating an unchanged
/// page gets no body.
/// </summary>
public static class HttpCaching
{
    /// <summary>
    /// Sets <c>Cache-Control</c>, <c>Vary</c> and (when cacheable) <c>ETag</c>; returns true when the
    /// client already holds this very body and the answer is a 304 without one.
    /// </summary>
    public static bool Apply(HttpContext http, CachePolicy policy, ReadOnlySpan<byte> body)
    {
        var headers = http.Response.Headers;

        // The body depends on the media type negotiated from Accept and, through authorization, on
        // the token: a shared cache must never hand one caller's answer to another.
        headers.Vary = "Accept, Authorization";
        var signedIn = http.Request.Headers.Authorization.Count > 0 || http.User.Identity?.IsAuthenticated == true;
        if (!policy.IsCacheable)
        {
            headers.CacheControl = "no-store";
            return false;
        }

        var scope = policy.Private || signedIn ? "private" : "public";
        if (scope == "public")
        {
            ResponseCachePolicy.Tag(http, policy.Types);
        }

        headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"{scope}, max-age={policy.MaxAge}");
        var etag = $"\"{Convert.ToBase64String(SHA256.HashData(body)[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"";
        headers.ETag = etag;
        return Matches(http.Request.Headers.IfNoneMatch, etag);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        // Weak comparison, as RFC 9110 asks for If-None-Match (a proxy may have weakened our tag).
        var ours = new EntityTagHeaderValue(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(ours, useStrongComparison: false));
    }
}
