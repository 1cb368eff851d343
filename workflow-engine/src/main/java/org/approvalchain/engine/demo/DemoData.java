package org.approvalchain.engine.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.approvalchain.contracts.DocumentEvidenceContract;
import org.approvalchain.contracts.EligibilityRuleContract;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.chain.EvidenceHash;
import org.approvalchain.engine.demo.camunda.DemoUsers;
import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.keys.KeyEnrolment;
import org.approvalchain.engine.keys.KeyEnrolments;
import org.approvalchain.engine.operations.StartNote;
import org.approvalchain.engine.signing.ApproverKey;
import org.approvalchain.engine.signing.ApproverKeys;
import org.approvalchain.engine.signing.cli.SignDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * What the demo needs, created once and again harmlessly at every start: departments as groups,
 * demo approvers (password = user id) with SM2 key pairs in the demo keys folder and their public
 * keys enrolled (proof of possession, approved by the two demo administrators, on chain), the rule parameters on chain, and the sample materials of the reference
 * processes anchored in DocumentEvidence ({@code demo/evidence.csv}). Never in production.
 */
@Component
@Profile("demo")
class DemoData implements StartNote {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** The administrator Camunda creates from {@code camunda.bpm.admin-user} in application-demo.yml. */
    private static final String FIRST_ADMIN = "demo";
    /** The second administrator: a key enrolment needs two (four-eyes). */
    private static final String SECOND_ADMIN = "he.ping";

    /** A demo approver: user id (also the password), name, and group. */
    record DemoUser(String id, String name, String group) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("wang.fang", "王芳", "licensing-officers"),
            new DemoUser("li.na", "李娜", "licensing-officers"),
            new DemoUser("zhao.lei", "赵磊", "supervisors"),
            new DemoUser("chen.jie", "陈杰", "registration-officers"),
            new DemoUser("liu.yang", "刘洋", "real-estate-registrars"),
            new DemoUser("sun.li", "孙丽", "intake-clerks"),
            new DemoUser("zhou.min", "周敏", "competent-officers"),
            new DemoUser("zheng.lu", "郑律", "legal-reviewers"),
            new DemoUser("qian.hui", "钱慧", "finance-officers"),
            new DemoUser("wu.tao", "吴涛", "finance-officers"),
            new DemoUser("lin.hua", "林华", UserDirectory.DESIGNERS),
            new DemoUser("wu.qing", "吴青", "relief-officers"),
            new DemoUser("xu.jun", "徐军", "civil-affairs-heads"),
            new DemoUser("qian.shen", "钱慎", "relief-supervisors"),
            new DemoUser("gao.feng", "高峰", "tender-officers"),
            new DemoUser("ma.jun", "马骏", "tender-evaluators"),
            new DemoUser("luo.yi", "罗毅", "tender-evaluators"),
            new DemoUser("tang.wei", "唐伟", "tender-evaluators"),
            new DemoUser("he.bo", "何博", "bidders"),
            new DemoUser("song.yu", "宋宇", "bidders"),
            new DemoUser("xie.ning", "谢宁", "bidders"),
            new DemoUser("fan.li", "范丽", "bidders"),
            new DemoUser("zhang.wei", "张伟", "applicants"),
            new DemoUser("huang.lei", "黄磊", "proxy-agents"),
            new DemoUser(SECOND_ADMIN, "何平", UserDirectory.ADMINS));

    /**
     * Rule parameters: criterion, min, max (the reference processes' checklists, the demo's age rule,
     * and a sample local relief standard: monthly income per person up to 1,000 yuan).
     */
    private static final List<Criterion> CRITERIA = List.of(
            new Criterion("applicant-age", 18, 150),
            new Criterion("br-materials", 5, 5),
            new Criterion("xp-materials", 3, 3),
            new Criterion("relief-income", 0, 1000));

    private record Criterion(String name, long min, long max) {
    }

    /** The sample materials the issuing authorities anchor, each with its department's account (type, reference, holder, issuer, department). */
    private static final String EVIDENCE = "/demo/evidence.csv";

    private final Path keysDir;

    DemoData(DemoUsers users, KeyEnrolments enrolments, ApproverKeys keys, DemoProperties properties, Contracts contracts) {
        this.keysDir = properties.keysDir().toAbsolutePath();
        for (DemoUser user : USERS) {
            users.ensure(user.id(), user.name(), user.group());
        }
        USERS.stream().filter(user -> !user.group().equals(UserDirectory.ADMINS))
                .forEach(user -> enrol(user.id(), properties.keysDir(), enrolments, keys));
        EligibilityRuleContract rule = new EligibilityRuleContract(contracts.codec());
        for (Criterion c : CRITERIA) {
            contracts.send("demo/EligibilityRule/" + c.name() + "/v1", EligibilityRuleContract.NAME,
                    rule.setCriterion(EligibilityRuleContract.criterion(c.name()), BigInteger.valueOf(c.min()),
                            BigInteger.valueOf(c.max())));
        }
        DocumentEvidenceContract evidence = new DocumentEvidenceContract(contracts.codec());
        List<String[]> records = sampleEvidence();
        for (String[] r : records) {
            String hash = EvidenceHash.of(r[0], r[1], r[2]);
            contracts.send(r[4], "demo/DocumentEvidence/" + hash, DocumentEvidenceContract.NAME,
                    evidence.anchor(Numeric.hexStringToByteArray(hash), r[0]));
        }
        log.info("DEMO-001 demo users {} ready; their private keys are in {}; {} sample records anchored",
                USERS.stream().map(DemoUser::id).toList(), properties.keysDir().toAbsolutePath(), records.size());
    }

    /** The ready line's part: who may log in, and where the approvers' private keys are. */
    @Override
    public String note() {
        return "demo logins (password = user id): " + FIRST_ADMIN + ", "
                + USERS.stream().map(DemoUser::id).collect(Collectors.joining(", "))
                + "; the approvers' private keys are in " + keysDir;
    }

    /**
     * Enrols the user's demo key the way an approver's client would, unless it is their valid key
     * already: the challenge signed with the private key in the demo folder, then approved by the
     * two demo administrators.
     */
    private static void enrol(String userId, Path dir, KeyEnrolments enrolments, ApproverKeys keys) {
        String pem = keyPair(dir, userId);
        if (keys.validAt(userId, Instant.now()).filter(ApproverKey.fromPem(pem)::equals).isPresent()) {
            return;
        }
        KeyEnrolment enrolment = enrolments.challenge(userId, pem);
        ByteArrayOutputStream signature = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        if (SignDecision.run(new String[] {"--key", dir.resolve(userId + ".key.pem").toString()},
                new ByteArrayInputStream(enrolment.challenge().getBytes(StandardCharsets.UTF_8)),
                new PrintStream(signature, true, StandardCharsets.UTF_8), quiet) != 0) {
            throw new IllegalStateException("DEMO-005 could not sign the key challenge of " + userId + " with the key in " + dir);
        }
        enrolments.prove(enrolment.id(), userId, signature.toString(StandardCharsets.UTF_8).strip());
        enrolments.approve(enrolment.id(), FIRST_ADMIN);
        enrolments.approve(enrolment.id(), SECOND_ADMIN);
    }

    /** The rows of {@link #EVIDENCE}, without comments. */
    private static List<String[]> sampleEvidence() {
        try (var in = DemoData.class.getResourceAsStream(EVIDENCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("DEMO-004 cannot read " + EVIDENCE, e);
        }
    }

    /** The user's public key PEM, generating the key pair with the command-line signer the first time. */
    private static String keyPair(Path dir, String userId) {
        Path publicKey = dir.resolve(userId + ".pub.pem");
        try {
            if (!Files.exists(publicKey)) {
                Files.createDirectories(dir);
                PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
                if (SignDecision.run(new String[] {"--generate", dir.toString(), userId},
                        new ByteArrayInputStream(new byte[0]), quiet, quiet) != 0) {
                    throw new IllegalStateException("DEMO-002 could not generate the key pair of " + userId + " in " + dir);
                }
            }
            return Files.readString(publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("DEMO-003 cannot read " + publicKey, e);
        }
    }
}
