package org.approvalchain.contracts;

/** Every facade over one codec, so tests can name calls uniformly. */
record Facades(CaseLedgerContract cases, DecisionRegistryContract decisions, DefinitionRegistryContract definitions,
               DocumentEvidenceContract evidence, LicenseRegistryContract licenses, EligibilityRuleContract rule,
               ApproverKeyRegistryContract keys, InvoiceRegistryContract invoices,
               ReliefFundContract relief, TenderRegistryContract tenders,
               ProxyAuthorisationContract proxies) {

    private static final java.util.Map<ChainCrypto, Facades> BY_CRYPTO = new java.util.concurrent.ConcurrentHashMap<>();

    static Facades of(ChainCrypto crypto) {
        return BY_CRYPTO.computeIfAbsent(crypto, Facades::create);
    }

    private static Facades create(ChainCrypto crypto) {
        AbiCodec codec = Compiled.codec(crypto);
        return new Facades(new CaseLedgerContract(codec), new DecisionRegistryContract(codec),
            new DefinitionRegistryContract(codec), new DocumentEvidenceContract(codec),
            new LicenseRegistryContract(codec), new EligibilityRuleContract(codec), new ApproverKeyRegistryContract(codec),
            new InvoiceRegistryContract(codec),
            new ReliefFundContract(codec),
            new TenderRegistryContract(codec),
            new ProxyAuthorisationContract(codec));
    }

    DepartmentAccessContract byName(String contract) {
        return switch (contract) {
            case CaseLedgerContract.NAME -> cases;
            case DecisionRegistryContract.NAME -> decisions;
            case DefinitionRegistryContract.NAME -> definitions;
            case DocumentEvidenceContract.NAME -> evidence;
            case LicenseRegistryContract.NAME -> licenses;
            case EligibilityRuleContract.NAME -> rule;
            case ApproverKeyRegistryContract.NAME -> keys;
            case InvoiceRegistryContract.NAME -> invoices;
            case ReliefFundContract.NAME -> relief;
            case TenderRegistryContract.NAME -> tenders;
            case ProxyAuthorisationContract.NAME -> proxies;
            default -> throw new IllegalArgumentException(contract);
        };
    }
}
