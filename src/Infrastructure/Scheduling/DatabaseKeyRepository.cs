using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// Data Protection keys in the database, so that every API node decrypts what another encrypted (a token stored through
/// one node is used by the publishing job on another). The key ring itself is encrypted at rest only where the
/// deployment configures a key-encryption certificate.
/// </summary>
public sealed class DatabaseKeyRepository(NpgsqlDataSource dataSource, QuartzSchema schema) : IXmlRepository
{
    private int _ensured;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureTable();
        using var command = dataSource.CreateCommand($"SELECT xml FROM {QuartzSchema.KeysTable} ORDER BY id");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        EnsureTable();
        using var command = dataSource.CreateCommand($"INSERT INTO {QuartzSchema.KeysTable} (friendly_name, xml) VALUES ($1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }

    // Data Protection's own hosted service may read the key ring before QuartzSchema has run: the table is made on first use too.
    private void EnsureTable()
    {
        if (Volatile.Read(ref _ensured) == 0)
        {
            schema.EnsureAsync(CancellationToken.None).GetAwaiter().GetResult();
            Volatile.Write(ref _ensured, 1);
        }
    }
}
