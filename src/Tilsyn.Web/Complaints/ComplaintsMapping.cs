using Tilsyn.Complaints;

namespace Tilsyn.Web.Complaints;

internal sealed class ComplaintCaseConfiguration : IEntityTypeConfiguration<ComplaintCase>
{
    public void Configure(EntityTypeBuilder<ComplaintCase> e)
    {
        e.ToTable("cases");
        e.HasKey(c => c.Id);
        e.HasAggregateVersion();
        e.Property(c => c.Number).HasMaxLength(12).IsRequired();
        e.HasIndex(c => c.Number).IsUnique();
        e.HasIndex(c => new { c.Year, c.Sequence }).IsUnique();
        e.Property(c => c.Type).HasConversion<string>().HasMaxLength(30); // "DocumentAccessRequest" is 21 characters
        e.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        e.HasIndex(c => c.Status);
        e.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(30);
        e.Property(c => c.Subject).HasMaxLength(CaseTextFields.Subject.MaxLength).IsRequired();
        e.Property(c => c.Description).IsRequired();
        e.Property(c => c.KleCode).HasMaxLength(8);
        e.Property(c => c.CaseworkerId).HasMaxLength(450);
        e.Property(c => c.StatusTokenHash).HasMaxLength(64);
        e.HasIndex(c => c.StatusTokenHash).IsUnique();
        e.HasIndex(c => c.AdministrationId);
        e.HasOne<Tilsyn.Organisation.Administration>().WithMany().HasForeignKey(c => c.AdministrationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Tilsyn.Organisation.OrgUnit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Tilsyn.Organisation.Administration>().WithMany().HasForeignKey(c => c.SharedWithAdministrationId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(c => c.IsSharedWithAdministration);
        e.Ignore(c => c.HandledBy);
        e.HasIndex(c => c.OwnerAdministrationId);
        e.HasOne<Tilsyn.Organisation.Administration>().WithMany().HasForeignKey(c => c.OwnerAdministrationId).OnDelete(DeleteBehavior.Restrict);
        e.Property(c => c.LinkedAdvisorCaseNumber).HasMaxLength(12);
        e.HasOne<ComplaintCase>().WithMany().HasForeignKey(c => c.LinkedAdvisorCaseId).OnDelete(DeleteBehavior.Restrict);
        // One entry per administration for an advisor's case (a reclassified case may get a second administration's entry).
        e.HasIndex(c => new { c.OwnerAdministrationId, c.LinkedAdvisorCaseId }).IsUnique().HasFilter("\"LinkedAdvisorCaseId\" IS NOT NULL");
        e.Ignore(c => c.IsDataSubjectRequest);
        e.Property(c => c.FirstAnswerExtensionReason).HasMaxLength(CaseTextFields.ExtensionReason.MaxLength);
        e.OwnsOne(c => c.Citizen, o =>
        {
            o.Property(p => p.Name).HasColumnName("citizen_name").HasMaxLength(CaseTextFields.CitizenName.MaxLength);
            o.Property(p => p.Email).HasColumnName("citizen_email").HasMaxLength(CaseTextFields.CitizenEmail.MaxLength);
            o.Property(p => p.Phone).HasColumnName("citizen_phone").HasMaxLength(CaseTextFields.CitizenPhone.MaxLength);
            o.Property(p => p.Address).HasColumnName("citizen_address").HasMaxLength(CaseTextFields.CitizenAddress.MaxLength);
            o.Property(p => p.ProtectedCpr).HasColumnName("citizen_cpr_protected").HasMaxLength(1000);
            o.Property(p => p.MaskedCpr).HasColumnName("citizen_cpr_masked").HasMaxLength(11);
            o.Property(p => p.CprLookup).HasColumnName("citizen_cpr_lookup").HasMaxLength(64);
            o.HasIndex(p => p.CprLookup);
            o.Property(p => p.ExemptFromDigitalPost).HasColumnName("citizen_exempt_digital_post");
        });
        e.OwnsMany(c => c.Categories, o =>
        {
            o.ToTable("case_categories");
            o.WithOwner().HasForeignKey("CaseId");
            o.Property<int>("CaseId");
            o.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
            o.HasKey("CaseId", nameof(CaseCategory.Category));
        });
        e.HasMany(c => c.Events).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Documents).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.StatementRequests).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(c => c.Categories).AutoInclude();
        foreach (var nav in new[] { nameof(ComplaintCase.Events), nameof(ComplaintCase.Documents), nameof(ComplaintCase.StatementRequests) })
            e.Navigation(nav).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> e)
    {
        e.ToTable("case_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.ActorName).HasMaxLength(200);
        e.Property(x => x.ActorId).HasMaxLength(450);
        e.Property(x => x.FromStatus).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.ToStatus).HasConversion<string>().HasMaxLength(30);
        e.HasIndex(x => x.CaseId);
    }
}

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> e)
    {
        e.ToTable("case_documents");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.CaseId, x.Sequence }).IsUnique();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Title).HasMaxLength(CaseTextFields.DocumentTitle.MaxLength);
        e.Property(x => x.CreatedByName).HasMaxLength(200);
        e.Property(x => x.CreatedById).HasMaxLength(450);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.PrintedByName).HasMaxLength(200);
        e.HasIndex(x => new { x.Channel, x.PrintedAt }); // the print list
        e.Ignore(x => x.AwaitsPrinting);
        e.Ignore(x => x.VisibleToCitizen);
        e.Ignore(x => x.AddressedToCitizen);
        e.Ignore(x => x.VisibleToAdministration);
    }
}

internal sealed class StatementRequestConfiguration : IEntityTypeConfiguration<StatementRequest>
{
    public void Configure(EntityTypeBuilder<StatementRequest> e)
    {
        e.ToTable("statement_requests");
        e.HasKey(x => x.Id);
        e.Property(x => x.RequestedByName).HasMaxLength(200);
        e.Property(x => x.AnsweredByName).HasMaxLength(200);
        e.Property(x => x.ExtensionReason).HasMaxLength(CaseTextFields.ExtensionReason.MaxLength);
        e.HasIndex(x => new { x.AdministrationId, x.AnsweredAt });
        e.HasOne<Tilsyn.Organisation.Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(x => x.IsAnswered);
    }
}
