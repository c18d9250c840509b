using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Performers;
using TicketMaster.Persistence;
using static TicketMaster.Api.Tests.GraphQL.GraphQLAnswer;

namespace TicketMaster.Api.Tests.GraphQL;

/// <summary>
/// <c>/graphql</c> over real HTTP: what the GraphQL-over-HTTP spec says each request gets, and the
/// limits and error codes on top of it.
/// </summary>
public sealed class TransportTests(TransportTests.Api api) : IClassFixture<TransportTests.Api>
{
    private const string PerformerQuery = "query Performer($id: ID!) { performerById(id: $id) { id name } }";

    private readonly HttpClient _client = api.Client;

    [Theory]
    [InlineData(null, Json)]
    [InlineData("application/json", Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json, application/json", GraphQLResponseJson)]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", Json)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", Json)]
    public async Task A_query_is_answered_in_the_media_type_the_accept_header_prefers(string? accept, string expected)
    {
        var answer = await PostQueryAsync(_client, "{ __typename }", accept: accept);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal($"{expected}; charset=utf-8", answer.ContentType);
        Assert.Equal("Query", answer.Document.GetProperty("data").GetProperty("__typename").GetString());
        Assert.Empty(answer.Errors);
    }

    [Fact]
    public async Task An_accept_header_allowing_neither_json_type_gets_406()
    {
        var answer = await PostQueryAsync(_client, "{ __typename }", accept: "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, answer.Status);
        Assert.Equal(["NOT_ACCEPTABLE"], answer.ErrorCodes);
    }

    [Theory]
    [InlineData(Json, HttpStatusCode.OK)]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    public async Task A_document_that_does_not_parse_is_a_syntax_error_without_data(string accept, HttpStatusCode expected)
    {
        var answer = await PostQueryAsync(_client, "{", accept: accept);

        Assert.Equal(expected, answer.Status);
        Assert.Equal($"{accept}; charset=utf-8", answer.ContentType);
        Assert.False(answer.HasData);
        Assert.Equal(["SYNTAX_ERROR"], answer.ErrorCodes);
    }

    [Theory]
    [InlineData(Json, HttpStatusCode.OK)]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    public async Task A_document_that_fails_validation_is_answered_without_data(string accept, HttpStatusCode expected)
    {
        var answer = await PostQueryAsync(_client, "{ noSuchField }", accept: accept);

        Assert.Equal(expected, answer.Status);
        Assert.False(answer.HasData);
        Assert.Equal(["FIELDS_ON_CORRECT_TYPE"], answer.ErrorCodes);
        Assert.Contains("noSuchField", answer.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Json, HttpStatusCode.OK)]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    public async Task A_variable_of_the_wrong_type_is_a_request_error_naming_the_variable(string accept, HttpStatusCode expected)
    {
        var answer = await PostQueryAsync(_client, PerformerQuery, variables: new { id = new { nested = true } }, accept: accept);

        Assert.Equal(expected, answer.Status);
        Assert.False(answer.HasData);
        Assert.Equal(["INVALID_VALUE"], answer.ErrorCodes);
        Assert.Contains("$id", answer.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Json)]
    [InlineData(GraphQLResponseJson)]
    public async Task A_body_that_is_not_json_gets_400(string accept)
    {
        var answer = await PostAsync(_client, "{ \"query\": \"{ __typename }", accept: accept);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal($"{accept}; charset=utf-8", answer.ContentType);
        Assert.Equal(["INVALID_JSON"], answer.ErrorCodes);
    }

    [Theory]
    [InlineData("""{ "notquery": "{ __typename }" }""", "'query'")]
    [InlineData("""{ "query": 0 }""", "'query'")]
    [InlineData("""{ "query": ["{ __typename }"] }""", "'query'")]
    [InlineData("""{ "query": "{ __typename }", "operationName": false }""", "'operationName'")]
    [InlineData("""{ "query": "{ __typename }", "variables": "{}" }""", "'variables'")]
    [InlineData("""{ "query": "{ __typename }", "variables": [1] }""", "'variables'")]
    [InlineData("""{ "query": "{ __typename }", "extensions": 0 }""", "'extensions'")]
    [InlineData("""[{ "query": "{ __typename }" }]""", "Batched")]
    [InlineData("", "empty")]
    public async Task A_body_whose_parameters_have_the_wrong_shape_gets_400_saying_which(string body, string mentioned)
    {
        var answer = await PostAsync(_client, body, accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["INVALID_REQUEST"], answer.ErrorCodes);
        Assert.Contains(mentioned, answer.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Null_optional_parameters_are_the_same_as_absent_ones()
    {
        var answer = await PostAsync(_client, """{ "query": "{ __typename }", "operationName": null, "variables": null, "extensions": null }""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_post_body_that_is_not_utf8_json_gets_415(string? contentType)
    {
        var answer = await PostAsync(_client, """{ "query": "{ __typename }" }""", contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Equal(["UNSUPPORTED_MEDIA_TYPE"], answer.ErrorCodes);
    }

    [Fact]
    public async Task A_get_runs_a_query_with_url_encoded_variables()
    {
        var id = api.PerformerId;
        var url = $"/graphql?query={Uri.EscapeDataString(PerformerQuery)}&variables={Uri.EscapeDataString($$"""{"id":"{{id}}"}""")}";

        var answer = await GetAsync(_client, url, accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal($"{GraphQLResponseJson}; charset=utf-8", answer.ContentType);
        Assert.Equal("Zoë Keating 🎻", answer.Document.GetProperty("data").GetProperty("performerById").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("mutation { __typename }", null)]
    [InlineData("query Q { __typename } mutation M { __typename }", "M")]
    public async Task A_get_carrying_a_mutation_gets_405_even_though_the_schema_has_no_mutations(string query, string? operationName)
    {
        var url = $"/graphql?query={Uri.EscapeDataString(query)}" + (operationName is null ? "" : $"&operationName={operationName}");

        var answer = await GetAsync(_client, url, accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal("POST", Assert.Single(answer.Allow));
        Assert.Equal(["METHOD_NOT_ALLOWED"], answer.ErrorCodes);
    }

    [Fact]
    public async Task Methods_other_than_get_and_post_get_405_listing_the_allowed_ones()
    {
        var answer = await SendAsync(_client, new HttpRequestMessage(HttpMethod.Put, "/graphql"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal("GET, POST", Assert.Single(answer.Allow));
        Assert.Equal(["METHOD_NOT_ALLOWED"], answer.ErrorCodes);
    }

    [Fact]
    public async Task A_browser_get_without_a_query_gets_the_spec_answer_when_no_ide_is_in_front()
    {
        var answer = await GetAsync(_client, "/graphql", accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal($"{Json}; charset=utf-8", answer.ContentType);
        Assert.Equal(["INVALID_REQUEST"], answer.ErrorCodes);
    }

    [Fact]
    public async Task Paths_below_graphql_are_not_the_endpoint()
    {
        var answer = await GetAsync(_client, "/graphql/index.html?query=%7B__typename%7D");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task A_body_over_the_configured_limit_gets_413_before_it_is_parsed()
    {
        var padding = new string(' ', Api.MaxRequestBytes);

        var answer = await PostAsync(_client, $$"""{ "query": "{ __typename }" {{padding}} }""", accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal(["REQUEST_TOO_LARGE"], answer.ErrorCodes);
        Assert.Contains("4,096", answer.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_served()
    {
        var body = """{ "query": "{ __typename }" }""";
        var padding = new string(' ', Api.MaxRequestBytes - Encoding.UTF8.GetByteCount(body));

        var answer = await PostAsync(_client, padding + body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData(Json, HttpStatusCode.OK)]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    public async Task A_query_nested_deeper_than_the_limit_is_refused_with_a_depth_code(string accept, HttpStatusCode expected)
    {
        // Sixteen levels of single objects: deep, but cheap, so only the depth limit (15) trips.
        var query = "{ __type(name: \"Query\") { " + string.Concat(Enumerable.Repeat("ofType { ", 15)) + "name" + new string('}', 16) + " }";

        var answer = await PostQueryAsync(_client, query, accept: accept);

        Assert.Equal(expected, answer.Status);
        Assert.False(answer.HasData);
        Assert.Equal(["MAX_DEPTH_EXCEEDED"], answer.ErrorCodes);
        Assert.Contains("maximum allowed on this endpoint is 15", answer.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standard_introspection_query_of_ides_and_codegen_fits_within_the_limits()
    {
        var answer = await PostQueryAsync(_client, StandardIntrospectionQuery, accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Errors);
        Assert.Equal("Query", answer.Document.GetProperty("data").GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Introspection_that_recurses_through_types_is_refused_with_a_complexity_code()
    {
        // Each fields→type level multiplies the answer by the schema's size: a cheap way to a huge response.
        // (No data field is a list yet, so this is the way to exceed the complexity limit today.)
        var answer = await PostQueryAsync(_client, "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }", accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.False(answer.HasData);
        Assert.Equal(["MAX_COMPLEXITY_EXCEEDED"], answer.ErrorCodes);
        Assert.Contains("maximum allowed on this endpoint is 25000", answer.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_sent_again_is_still_priced_with_the_variables_of_each_request()
    {
        // The second request reuses the parsed and validated document; its complexity must not be reused.
        const string Nested = "query Nested($n: Int) { events(first: $n) { nodes { performers { events(first: $n) { nodes { performers { events(first: $n) { nodes { name } } } } } } } } }";

        var small = await PostQueryAsync(_client, Nested, new { n = 1 }, accept: GraphQLResponseJson);
        var large = await PostQueryAsync(_client, Nested, new { n = 50 }, accept: GraphQLResponseJson);
        var smallAgain = await PostQueryAsync(_client, Nested, new { n = 1 }, accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, small.Status);
        Assert.Empty(small.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.Equal(["MAX_COMPLEXITY_EXCEEDED"], large.ErrorCodes);
        Assert.Equal(HttpStatusCode.OK, smallAgain.Status);
        Assert.Equal(small.Document.GetProperty("data").GetRawText(), smallAgain.Document.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task An_invalid_document_sent_again_is_refused_again()
    {
        const string Invalid = "{ events(first: 1) { nodes { noSuchField } } }";

        var first = await PostQueryAsync(_client, Invalid, accept: GraphQLResponseJson);
        var second = await PostQueryAsync(_client, Invalid, accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal(first.ErrorCodes, second.ErrorCodes);
        Assert.NotEmpty(second.ErrorCodes);
    }

    [Fact]
    public async Task Non_ascii_text_round_trips_as_utf8_through_arguments_variables_and_results()
    {
        var id = "Zoë🎻";

        var asArgument = await PostQueryAsync(_client, $$"""{ performerById(id: "{{id}}") { name } }""");
        var asVariable = await PostQueryAsync(_client, PerformerQuery, variables: new { id });
        var stored = await PostQueryAsync(_client, PerformerQuery, variables: new { id = api.PerformerId });

        foreach (var answer in new[] { asArgument, asVariable })
        {
            Assert.Equal(["INVALID_ID"], answer.ErrorCodes);
            Assert.Equal($"'{id}' is not a valid Performer id.", answer.Errors[0].GetProperty("message").GetString());

            // Written as UTF-8 bytes, not as \u escapes (System.Text.Json still escapes characters
            // outside the BMP, such as the emoji, which JSON readers decode alike).
            Assert.Contains("'Zoë", answer.Text, StringComparison.Ordinal);
        }

        Assert.Equal("Zoë Keating 🎻", stored.Document.GetProperty("data").GetProperty("performerById").GetProperty("name").GetString());
        Assert.Contains("Zoë Keating", stored.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_nested_beyond_what_the_parser_allows_is_refused_with_a_depth_code()
    {
        var query = string.Concat(Enumerable.Repeat("{ a ", 300)) + new string('}', 300);

        var answer = await PostQueryAsync(_client, query, accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["MAX_DEPTH_EXCEEDED"], answer.ErrorCodes);
    }

    [Fact]
    public async Task An_unexpected_failure_is_an_internal_server_error_with_a_correlation_id_and_no_stack_trace()
    {
        await using var broken = await BrokenApiAsync();
        using var client = broken.Host.CreateHttpClient();

        var answer = await PostQueryAsync(client, PerformerQuery, variables: new { id = api.PerformerId }, accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(JsonValueKind.Null, answer.Document.GetProperty("data").GetProperty("performerById").ValueKind);
        var error = Assert.Single(answer.Errors);
        Assert.Equal(["INTERNAL_SERVER_ERROR"], answer.ErrorCodes);
        var correlationId = error.GetProperty("extensions").GetProperty("correlationId").GetString();
        Assert.Matches("^[0-9a-f]{16}$", correlationId);
        Assert.Contains(correlationId!, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sqlite", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sdl_is_served_as_application_graphql_in_utf8()
    {
        using var response = await _client.GetAsync("/graphql?sdl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("performerById(", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>graphql-js 16's <c>getIntrospectionQuery()</c>, what GraphiQL, IDEs and codegen send.</summary>
    private const string StandardIntrospectionQuery = """
            query IntrospectionQuery {
              __schema {

                queryType { name kind }
                mutationType { name kind }
                subscriptionType { name kind }
                types {
                  ...FullType
                }
                directives {
                  name
                  description



                  locations
                  args {
                    ...InputValue
                  }
                }
              }
            }

            fragment FullType on __Type {
              kind
              name
              description


              fields(includeDeprecated: true) {
                name
                description
                args {
                  ...InputValue
                }
                type {
                  ...TypeRef
                }
                isDeprecated
                deprecationReason
              }
              inputFields {
                ...InputValue
              }
              interfaces {
                ...TypeRef
              }
              enumValues(includeDeprecated: true) {
                name
                description
                isDeprecated
                deprecationReason
              }
              possibleTypes {
                ...TypeRef
              }
            }

            fragment InputValue on __InputValue {
              name
              description
              type { ...TypeRef }
              defaultValue


            }

            fragment TypeRef on __Type {
              kind
              name
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                        ofType {
                          name
                          kind
                          ofType {
                            name
                            kind
                            ofType {
                              name
                              kind
                              ofType {
                                name
                                kind
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }

        """;

    /// <summary>The Api on an empty database with one performer, and a small body limit to test against.</summary>
    public sealed class Api : IAsyncLifetime
    {
        public const int MaxRequestBytes = 4096;

        private EmptyApi? _api;

        public HttpClient Client { get; private set; } = null!;

        public string PerformerId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            _api = await EmptyApi.StartAsync(new Dictionary<string, string?>
            {
                ["GraphQL:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),

                // The transport's own answers, without Banana Cake Pop redirecting browsers in front of it.
                ["Ide:Enabled"] = "false",
            });
            Client = _api.Host.CreateHttpClient();

            var options = new DbContextOptionsBuilder<TicketMasterDbContext>().UseSqlite($"Data Source={_api.DatabaseFile}").UseTicketMasterModel().Options;
            await using var db = new TicketMasterDbContext(options);
            var performer = Performer.Create("Zoë Keating 🎻", "Cellist.", "Classical");
            db.Performers.Add(performer);
            await db.SaveChangesAsync();
            PerformerId = GlobalId.Encode("Performer", performer.Id);
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await _api!.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("Development", null, false)]
    [InlineData("Production", "true", true)]
    public async Task Stack_traces_reach_clients_only_when_an_operator_turns_them_on(string environment, string? setting, bool shown)
    {
        await using var broken = await BrokenApiAsync(environment, setting is null ? null : new Dictionary<string, string?> { ["GraphQL:ExposeExceptionDetails"] = setting });
        using var client = broken.Host.CreateHttpClient();

        var answer = await PostQueryAsync(client, PerformerQuery, variables: new { id = api.PerformerId }, accept: GraphQLResponseJson);

        Assert.Equal(["INTERNAL_SERVER_ERROR"], answer.ErrorCodes);
        Assert.Equal(shown, Assert.Single(answer.Errors).GetProperty("extensions").TryGetProperty("details", out _));
        Assert.Equal(shown, answer.Text.Contains(" at ", StringComparison.Ordinal));
    }

    /// <summary>An Api whose database lost a table: resolvers that read it throw, as an outage would make them.</summary>
    private static async Task<EmptyApi> BrokenApiAsync(string environment = "Production", IReadOnlyDictionary<string, string?>? settings = null)
    {
        var broken = await EmptyApi.StartAsync(settings, environment);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={broken.DatabaseFile}");
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = "DROP TABLE performers";
        await drop.ExecuteNonQueryAsync();
        return broken;
    }
}
