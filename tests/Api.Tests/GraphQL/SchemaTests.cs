using System.Net;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.GraphQL;

/// <summary>
/// schema/schema.graphql is the published contract; it must be exactly what the server serves, and it
/// may lose a member only after publishing it <c>@deprecated</c> (<see cref="SchemaEvolution"/>).
/// </summary>
public sealed class SchemaTests
{
    private const string SchemaFile = "schema/schema.graphql";

    private const string Regenerate =
        "UPDATE_SCHEMA=1 dotnet test tests/Api.Tests --filter FullyQualifiedName~SchemaTests";

    [Fact]
    public async Task The_published_schema_file_is_the_sdl_the_server_serves()
    {
        await using var api = await EmptyApi.StartAsync();
        using var client = api.Host.CreateHttpClient();
        using var response = await client.GetAsync("/graphql?sdl");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var live = await response.Content.ReadAsStringAsync();
        var path = Path.Combine(Repository.Root, SchemaFile);

        // Checked before regenerating, so the file cannot be rewritten past the policy.
        if (File.Exists(path) && SchemaEvolution.RemovedWithoutDeprecation(await File.ReadAllTextAsync(path), live) is { Count: > 0 } removed)
        {
            Assert.Fail(
                $"These members of {SchemaFile} are gone from the live schema without having been published @deprecated:\n  {string.Join("\n  ", removed)}\n"
                + "Keep each, with @deprecated(reason: \"Use … instead.\"), for one release (docs/contributing.md, \"Changing the schema\"). "
                + $"A removal approved for a major version is named in {SchemaEvolution.ApprovedRemovals} and recorded in docs/schema-changes.md.");
        }

        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, live);
        }

        var published = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : null;
        Assert.True(published == live, published is null
            ? $"{SchemaFile} does not exist. Create it from the live schema with:\n  {Regenerate}"
            : $"{SchemaFile} differs from the live schema, first {FirstDifference(published, live)}\n" +
              $"If the schema change is intended, regenerate the file and commit it:\n  {Regenerate}");
    }

    private static string FirstDifference(string published, string live)
    {
        var (a, b) = (published.Split('\n'), live.Split('\n'));
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var (left, right) = (i < a.Length ? a[i] : "(end of file)", i < b.Length ? b[i] : "(end of schema)");
            if (left != right)
            {
                return $"at line {i + 1}:\n  file | {left}\n  live | {right}";
            }
        }

        return "in line endings or trailing whitespace.";
    }
}
