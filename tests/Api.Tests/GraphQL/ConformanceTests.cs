using System.Text.Json;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.GraphQL;

/// <summary>
/// The ecosystem's own GraphQL-over-HTTP audit (graphql-http's <c>auditServer</c>, pinned in
/// tests/conformance/package-lock.json) against the real server: every audit must be ok, with no
/// warnings or notices.
/// </summary>
public sealed class ConformanceTests
{
    [SkippableFact]
    public async Task Every_graphql_over_http_audit_of_graphql_http_passes()
    {
        var project = NodeProject.Require("tests/conformance");
        await using var api = await EmptyApi.StartAsync();
        var url = new Uri(api.Host.ServerAddress, "/graphql").ToString();

        var (exitCode, output, error) = await project.RunAsync("audit.mjs", [url], TimeSpan.FromMinutes(2));

        Assert.True(output.TrimStart().StartsWith('{'), $"node audit.mjs exited with {exitCode} without a report:\n{error}\n{output}");
        using var report = JsonDocument.Parse(output);
        var audits = report.RootElement.GetProperty("audits").EnumerateArray().ToList();
        var notOk = audits
            .Where(a => a.GetProperty("status").GetString() != "ok")
            .Select(a => $"{a.GetProperty("status").GetString()} {a.GetProperty("id").GetString()} {a.GetProperty("name").GetString()}: " +
                         $"{a.GetProperty("reason").GetString()}\n    response: {a.GetProperty("response")}")
            .ToList();
        Assert.True(notOk.Count == 0, $"{notOk.Count} of {audits.Count} audits are not ok:\n{string.Join('\n', notOk)}");
        Assert.True(audits.Count >= 61, $"expected graphql-http 1.23.1's 61 audits, got {audits.Count}");
        Assert.Equal(0, exitCode);
    }
}
