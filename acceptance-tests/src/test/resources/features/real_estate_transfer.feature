Feature: 不动产转移登记 (real-estate-transfer): registering the sale of a flat
  That the seller is the owner in the register (民法典 第二百一十六条) and that the deed tax is paid
  (契税法 第十一条) are checked automatically, in parallel, against the records the registry and the tax
  authority anchored on chain. The registrar decides and signs; then the seller's title record is
  closed, the buyer's recorded and the electronic title certificate issued. Unpaid deed tax bars the
  registration by law: the case is refused automatically, and the applicant may ask for a human
  review of that automated result (个人信息保护法 第二十四条第三款).

  Background:
    Given the ApprovalChain engine is running with its demo users

  Scenario: the seller holds the title, the tax is paid, the registrar approves, the title passes to the buyer
    Given wang.fang has submitted a "real-estate-transfer" application of 张三:
      | propertyCertificateNo | 京(2025)朝阳区不动产权第0012345号 |
      | sellerRef             | S-110105-0001                   |
      | buyerRef              | B-110105-0101                   |
      | taxVoucherNo          | DT-2025-110105-0000123          |
    Then the step "Activity_CheckTitle" answers valid = true with its transaction on chain
    And the step "Activity_CheckTax" answers valid = true with its transaction on chain
    And the case waits at "Activity_RegistrarReview" for a decision by the real-estate-registrars
    When liu.yang decides APPROVE with the reasons "权属清楚，契税已缴，准予转移登记。" signed with his own key
    Then the decision and its step are in the blocks the receipt names
    And the case ends at "EndEvent_Registered"
    And the case records 6 steps, each with its transaction in the block the case names
    And the step "Activity_CloseSellerTitle" called DocumentEvidence.revoke successfully
    And the step "Activity_RecordBuyerTitle" called DocumentEvidence.anchor successfully
    And the step "Activity_IssueCertificate" called LicenseRegistry.issue successfully
    And anyone verifies the case's licence publicly as a valid "不动产权证书 title certificate"
    When wang.fang has submitted a "real-estate-transfer" application of 张三:
      | propertyCertificateNo | 京(2025)朝阳区不动产权第0012345号 |
      | sellerRef             | S-110105-0001                   |
      | buyerRef              | B-110105-0102                   |
      | taxVoucherNo          | DT-2025-110105-0000123          |
    Then the step "Activity_CheckTitle" answers valid = false with its transaction on chain
    And the case waits for corrections without any open task

  Scenario: deed tax unpaid: refused automatically, then reviewed by a person on the applicant's request
    Given wang.fang has submitted a "real-estate-transfer" application of 钱七:
      | propertyCertificateNo | 京(2025)海淀区不动产权第0067890号 |
      | sellerRef             | S-110108-0002                   |
      | buyerRef              | B-110108-0201                   |
      | taxVoucherNo          | DT-2025-110108-0000999          |
    Then the step "Activity_CheckTax" answers valid = false with its transaction on chain
    And the case waits for a human review request without any open task
    When li.na asks for a human review of the automated result because "契税已于昨日缴纳"
    Then the request is refused with status 403
    When wang.fang asks for a human review of the automated result because "契税已于昨日缴纳，凭证号 DT-2025-110108-0000999"
    Then the case waits at "Activity_HumanReview" for a decision by the real-estate-registrars
    And the case shows the review request of wang.fang with the reason "契税已于昨日缴纳，凭证号 DT-2025-110108-0000999"
    When liu.yang decides REJECT with the reasons "经人工复核，税务机关未记载该完税凭证，维持不予办理。" signed with his own key
    Then the case ends at "EndEvent_RefusalConfirmed"

  Scenario: deed tax unpaid and nobody asks for a human review within 60 days: the automated refusal stands
    Given wang.fang has submitted a "real-estate-transfer" application of 孙八:
      | propertyCertificateNo | 京(2025)海淀区不动产权第0067890号 |
      | sellerRef             | S-110108-0002                   |
      | buyerRef              | B-110108-0202                   |
      | taxVoucherNo          | DT-2025-110108-0000999          |
    Then the step "Activity_CheckTax" answers valid = false with its transaction on chain
    And the case waits for a human review request without any open task
    When the period for asking a human review passes
    Then the case ends at "EndEvent_RefusedAutomatically"

  Scenario: the registrar refuses the transfer with reasons
    Given wang.fang has submitted a "real-estate-transfer" application of 周九:
      | propertyCertificateNo | 京(2025)西城区不动产权第0024680号 |
      | sellerRef             | S-110102-0003                   |
      | buyerRef              | B-110102-0301                   |
      | taxVoucherNo          | DT-2025-110102-0000456          |
    Then the step "Activity_CheckTitle" answers valid = true with its transaction on chain
    And the step "Activity_CheckTax" answers valid = true with its transaction on chain
    And the case waits at "Activity_RegistrarReview" for a decision by the real-estate-registrars
    When liu.yang decides REJECT with the reasons "该不动产已被人民法院查封，不予办理转移登记。" signed with his own key
    Then the decision and its step are in the blocks the receipt names
    And the case ends at "EndEvent_Refused"
