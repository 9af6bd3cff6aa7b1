using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Tilsyn.Web.Data;

/// <summary>
/// A small value kept as JSON in one text column (a list of strata, a case's answers, an update
/// history), the same way on SQLite and PostgreSQL. Changes are detected by comparing the JSON.
/// </summary>
public static class JsonColumn
{
    /// <summary>Web defaults (camelCase) with enums as names, so stored JSON stays readable.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property, JsonSerializerOptions? options = null) where T : class, new()
    {
        var json = options ?? Options;
        return property.HasConversion(
            v => JsonSerializer.Serialize(v, json),
            v => JsonSerializer.Deserialize<T>(v, json) ?? new T(),
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, json) == JsonSerializer.Serialize(b, json),
                v => JsonSerializer.Serialize(v, json).GetHashCode(),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, json), json)!));
    }
}
