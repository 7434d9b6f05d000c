using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>Converters and comparers for values stored as one JSON column (web defaults unless options are given).</summary>
internal static class JsonColumn
{
    /// <summary>A collection or object that reads back as an empty one when the column holds JSON null.</summary>
    public static ValueConverter<T, string> Of<T>(JsonSerializerOptions? options = null)
        where T : new()
    {
        var json = options ?? JsonSerializerOptions.Web;
        return new(v => JsonSerializer.Serialize(v, json), v => JsonSerializer.Deserialize<T>(v, json) ?? new T());
    }

    /// <summary>An object without a parameterless constructor.</summary>
    public static ValueConverter<T, string> OfObject<T>()
        where T : class =>
        new(v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web), v => JsonSerializer.Deserialize<T>(v, JsonSerializerOptions.Web)!);

    /// <summary>Equal when their JSON is: EF Core then sees changes made inside the value.</summary>
    public static ValueComparer<T> Comparer<T>(JsonSerializerOptions? options = null)
    {
        var json = options ?? JsonSerializerOptions.Web;
        return new(
            (a, b) => JsonSerializer.Serialize(a, json) == JsonSerializer.Serialize(b, json),
            v => JsonSerializer.Serialize(v, json).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, json), json)!);
    }
}
