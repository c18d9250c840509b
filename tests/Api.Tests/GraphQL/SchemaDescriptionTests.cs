using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.GraphQL;

/// <summary>The schema is the frontend's documentation: every element says what it is and how to use it.</summary>
public sealed class SchemaDescriptionTests
{
    private static readonly HashSet<string> SpecScalars = ["String", "Int", "Float", "Boolean", "ID"];

    [Fact]
    public async Task Every_type_field_argument_input_field_and_enum_value_has_a_description()
    {
        await using var api = await EmptyApi.StartAsync();
        var schema = api.Host.Services.GetRequiredService<ISchema>();
        schema.Initialize();

        var undescribed = Undescribed(schema).ToList();

        Assert.True(undescribed.Count == 0,
            $"{undescribed.Count} schema elements have no description; say what each is, its unit or format, when it is null and what a client does with it:\n  "
            + string.Join("\n  ", undescribed));
    }

    private static IEnumerable<string> Undescribed(ISchema schema)
    {
        foreach (var type in schema.AllTypes.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (type.Name.StartsWith("__", StringComparison.Ordinal) || (type is ScalarGraphType && SpecScalars.Contains(type.Name)))
            {
                continue;
            }

            if (IsBlank(type.Description))
            {
                yield return type.Name;
            }

            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields.OrderBy(f => f.Name, StringComparer.Ordinal))
                {
                    if (IsBlank(field.Description) && !InheritsDescription(type, field))
                    {
                        yield return $"{type.Name}.{field.Name}";
                    }

                    foreach (var argument in (field.Arguments ?? []).Where(a => IsBlank(a.Description)))
                    {
                        yield return $"{type.Name}.{field.Name}({argument.Name})";
                    }
                }
            }

            if (type is EnumerationGraphType enumeration)
            {
                foreach (var value in enumeration.Values.Where(v => IsBlank(v.Description)).OrderBy(v => v.Name, StringComparer.Ordinal))
                {
                    yield return $"{type.Name}.{value.Name}";
                }
            }
        }
    }

    /// <summary>An object's field that implements a described interface field is described by it.</summary>
    private static bool InheritsDescription(IGraphType type, FieldType field) =>
        type is IObjectGraphType obj
        && obj.ResolvedInterfaces.Any(@interface => !IsBlank(@interface.GetField(field.Name)?.Description));

    private static bool IsBlank(string? description) => string.IsNullOrWhiteSpace(description);
}
