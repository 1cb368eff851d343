Feature: 跨省通办 (cross-province-service): applying in one province for a service of another
  The receiving province (收件地) checks completeness automatically and its window clerk confirms the
  applicant's identity (assisted). The materials are verified automatically against the records the
  issuing authorities anchored on chain (材料核验). The competent province (业务属地) decides and signs;
  the result is issued on chain and verified there for the receiving province (结果互认).

  Background:
    Given the ApprovalChain engine is running with its demo users

  Scenario: received in Beijing, decided in Zhejiang, result recognised on chain
    Given wang.fang has submitted a "cross-province-service" application of 孙八:
      | serviceItem               | 职业资格证书核验 qualification recognition |
      | receivingProvince         | 北京市                               |
      | competentProvince         | 浙江省                               |
      | materialsSubmitted        | 3                                   |
      | householdRegisterNo       | HR-330106-2025-000001               |
      | qualificationCertificateNo | QC-330000-2025-000001              |
      | holderRef                 | P-330106-0001                       |
    Then the step "Activity_IntakeCheck" answers eligible = true with its transaction on chain
    And the case waits at "Activity_IntakeConfirmation" for a decision by the intake-clerks
    And zhou.min does not see the review task in her task list
    When sun.li decides APPROVE with the reasons "已核验身份证件原件。" signed with her own key
    Then the step "Activity_VerifyHouseholdRegister" answers valid = true with its transaction on chain
    And the step "Activity_VerifyQualification" answers valid = true with its transaction on chain
    And the case waits at "Activity_CompetentDecision" for a decision by the competent-officers
    When zhou.min decides APPROVE with the reasons "材料经链上核验真实有效，准予办理。" signed with her own key
    Then the case ends at "EndEvent_Delivered"
    And the step "Activity_IssueResult" called LicenseRegistry.issue successfully
    And anyone verifies the case's licence publicly as a valid "职业资格证书核验 qualification recognition"
    And the step "Activity_RecogniseResult" answers valid = true with its transaction on chain
    And the case records 7 steps, each with its transaction in the block the case names

  Scenario: a certificate no authority anchored goes back for correction
    Given wang.fang has submitted a "cross-province-service" application of 周九:
      | serviceItem               | 职业资格证书核验 qualification recognition |
      | receivingProvince         | 北京市                               |
      | competentProvince         | 浙江省                               |
      | materialsSubmitted        | 3                                   |
      | householdRegisterNo       | HR-330106-2025-000002               |
      | qualificationCertificateNo | QC-330000-2025-999999              |
      | holderRef                 | P-330106-0002                       |
    And the case waits at "Activity_IntakeConfirmation" for a decision by the intake-clerks
    When sun.li decides APPROVE with the reasons "已核验身份证件原件。" signed with her own key
    Then the step "Activity_VerifyQualification" answers valid = false with its transaction on chain
    And the case waits for corrections without any open task
    When wang.fang submits the corrections:
      | qualificationCertificateNo | QC-330000-2025-000002 |
    Then the case waits at "Activity_IntakeConfirmation" for a decision by the intake-clerks

  Scenario: the competent province refuses, and no result is issued
    Given wang.fang has submitted a "cross-province-service" application of 吴十:
      | serviceItem               | 职业资格证书核验 qualification recognition |
      | receivingProvince         | 北京市                               |
      | competentProvince         | 浙江省                               |
      | materialsSubmitted        | 3                                   |
      | householdRegisterNo       | HR-330106-2025-000001               |
      | qualificationCertificateNo | QC-330000-2025-000001              |
      | holderRef                 | P-330106-0001                       |
    And the case waits at "Activity_IntakeConfirmation" for a decision by the intake-clerks
    When sun.li decides APPROVE with the reasons "已核验身份证件原件。" signed with her own key
    Then the case waits at "Activity_CompetentDecision" for a decision by the competent-officers
    When zhou.min decides REJECT with the reasons "申请事项不属于本省证书互认范围，不予办理。" signed with her own key
    Then the case ends at "EndEvent_Refused"
    And the case records 5 steps, each with its transaction in the block the case names
