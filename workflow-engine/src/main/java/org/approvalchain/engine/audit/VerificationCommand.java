package org.approvalchain.engine.audit;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Command-line verification: with {@code --approvalchain.verify=<caseId|all>} the application
 * verifies that case (or every case it has records of), prints each finding and ends with exit
 * code 0 when everything is clean, 1 when anything is off, 2 for an unknown case. Without the
 * argument it does nothing.
 */
@Component
class VerificationCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String OPTION = "approvalchain.verify";

    private final CaseVerifier verifier;
    private final PrintStream out = System.out;
    private int exitCode;

    VerificationCommand(CaseVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> values = args.getOptionValues(OPTION);
        if (values == null || values.isEmpty()) {
            return;
        }
        String which = values.get(0);
        Optional<Verification> one = "all".equals(which) ? Optional.empty() : verifier.verifyIfKnown(which);
        if (!"all".equals(which) && one.isEmpty()) {
            out.println("VERIFY-003 no records of case " + which);
            exitCode = 2;
            return;
        }
        CaseVerifier.AllCases all = one.map(verified -> new CaseVerifier.AllCases(List.of(verified), Map.of()))
                .orElseGet(verifier::verifyAll);
        List<Verification> results = all.verified();
        int offCases = 0;
        for (Verification result : results) {
            if (result.clean()) {
                out.println("VERIFY-001 case " + result.caseId() + " clean");
            } else {
                offCases++;
                out.println("VERIFY-002 case " + result.caseId() + ": " + result.findings().size() + " finding(s)");
                result.findings().forEach(f -> out.println("  " + f));
            }
        }
        all.notOnChain().forEach((caseId, where) -> out.println("VERIFY-004 case " + caseId + " never reached the chain: " + where));
        out.println("VERIFY-000 verified " + results.size() + " case(s), " + offCases + " with findings");
        exitCode = offCases == 0 ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
