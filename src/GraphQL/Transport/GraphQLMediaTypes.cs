using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TicketMaster.GraphQL.Transport;

/// <summary>The media types of GraphQL over HTTP and the choice between them from an Accept header.</summary>
public static class GraphQLMediaTypes
{
    /// <summary>The spec's own response type: its status codes tell request errors (4xx) from results (2xx).</summary>
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>The legacy response type: 200 for every well-formed request, whatever its GraphQL errors.</summary>
    public const string Json = "application/json";

    /// <summary>SDL, as served by <c>GET /graphql?sdl</c>.</summary>
    public const string GraphQL = "application/graphql";

    /// <summary>
    /// The response media type for an Accept header, or null when it accepts neither (406).
    /// A missing or unparsable header means <c>application/json</c>, as the spec asks for clients that
    /// predate <c>application/graphql-response+json</c>. Between equally acceptable types, one named
    /// explicitly beats a wildcard; two named explicitly prefer the spec's own type; a bare wildcard
    /// (<c>*/*</c>) gets <c>application/json</c>, which every client understands.
    /// </summary>
    public static string? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept)
            || !MediaTypeHeaderValue.TryParseList(accept, out var ranges)
            || ranges.Count == 0)
        {
            return Json;
        }

        var graphQLResponse = Score(ranges, GraphQLResponseJson, preferredWhenExplicit: true);
        var json = Score(ranges, Json, preferredWhenExplicit: false);
        if (graphQLResponse.Quality <= 0 && json.Quality <= 0)
        {
            return null;
        }

        return graphQLResponse.CompareTo(json) > 0 ? GraphQLResponseJson : Json;
    }

    /// <summary>Whether a request Content-Type is JSON in UTF-8 (no charset means UTF-8).</summary>
    public static bool IsJsonInUtf8(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        && (!parsed.Charset.HasValue
            || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || parsed.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// How acceptable <paramref name="mediaType"/> is: the quality of the most specific range that
    /// matches it (RFC 9110 §12.5.1), then that range's specificity, then the tie-break preference.
    /// </summary>
    private static Acceptability Score(IList<MediaTypeHeaderValue> ranges, string mediaType, bool preferredWhenExplicit)
    {
        var best = new Acceptability(0, -1, false);
        foreach (var range in ranges)
        {
            var specificity = Specificity(range, mediaType);
            if (specificity > best.Specificity)
            {
                var preferred = specificity == 2 ? preferredWhenExplicit : !preferredWhenExplicit;
                best = new Acceptability(range.Quality ?? 1, specificity, preferred);
            }
        }

        return best.Specificity < 0 ? new Acceptability(0, -1, false) : best;
    }

    private static int Specificity(MediaTypeHeaderValue range, string mediaType)
    {
        if (range.MatchesAllTypes)
        {
            return 0;
        }

        var type = mediaType[..mediaType.IndexOf('/', StringComparison.Ordinal)];
        if (range.MatchesAllSubTypes)
        {
            return range.Type.Equals(type, StringComparison.OrdinalIgnoreCase) ? 1 : -1;
        }

        return range.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) ? 2 : -1;
    }

    private readonly record struct Acceptability(double Quality, int Specificity, bool Preferred) : IComparable<Acceptability>
    {
        public int CompareTo(Acceptability other)
        {
            var byQuality = Quality.CompareTo(other.Quality);
            if (byQuality != 0)
            {
                return byQuality;
            }

            var bySpecificity = Specificity.CompareTo(other.Specificity);
            return bySpecificity != 0 ? bySpecificity : Preferred.CompareTo(other.Preferred);
        }
    }
}
