package org.approvalchain.engine.audit;

import java.io.PrintStream;
import java.util.List;

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
        if (!"all".equals(which) && !verifier.knows(which)) {
            out.println("VERIFY-003 no records of case " + which);
            exitCode = 2;
            return;
        }
        List<String> caseIds = "all".equals(which) ? verifier.caseIds() : List.of(which);
        int offCases = 0;
        for (String caseId : caseIds) {
            Verification result = verifier.verify(caseId);
            if (result.clean()) {
                out.println("VERIFY-001 case " + caseId + " clean");
            } else {
                offCases++;
                out.println("VERIFY-002 case " + caseId + ": " + result.findings().size() + " finding(s)");
                result.findings().forEach(f -> out.println("  " + f));
            }
        }
        out.println("VERIFY-000 verified " + caseIds.size() + " case(s), " + offCases + " with findings");
        exitCode = offCases == 0 ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
