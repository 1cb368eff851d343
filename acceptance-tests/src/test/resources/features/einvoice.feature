Feature: 电子发票 (einvoice-issue, einvoice-reimbursement, einvoice-red-letter): invoices on chain, reimbursed once
  The seller's system issues an electronic invoice on chain (发票管理办法 第十八条; 电子发票与纸质发票具有同等
  法律效力, 第三条第二款): its number, the SM3 hash of its file, the buyer's hash, amount and tax. A claimant
  hands it in for reimbursement: the invoice is checked on chain, a finance officer examines it and signs
  (会计法 第十四条第三款), and the reimbursement is entered on chain once across every department and company.
  The seller reverses an invoice with a red-letter invoice (红冲) that references it, unless it is reimbursed
  or already reversed. Anyone holding the invoice file checks its status by number and hash, without logging
  in. No law read sets a time limit for reimbursement (docs/legal-basis.md §7): the processes have no timer.

  Background:
    Given the ApprovalChain engine is running with its demo users

  Scenario: the seller issues an invoice, the finance officer approves the claim, the invoice is reimbursed
    Given wang.fang has submitted a "einvoice-issue" application of 星河软件:
      | invoiceNo   | 26442000000000000101                                               |
      | buyerRef    | B-91440300-0001                                                    |
      | amount      | 106000                                                             |
      | tax         | 6000                                                               |
      | invoiceHash | 0x64ce32625359692bf231cc091ca7e40758dba5998577bc6f88c4f0ed35878da1 |
    Then the step "Activity_IssueInvoice" called InvoiceRegistry.issue successfully
    And the case ends at "EndEvent_Issued"
    And anyone checking the invoice "26442000000000000101" with the file hash "0x64ce32625359692bf231cc091ca7e40758dba5998577bc6f88c4f0ed35878da1" finds it ISSUED
    And anyone checking the invoice "26442000000000000101" with the file hash "0xd9298a10d1b0735837dc4bd85dac641b0f3cef27a47e5d53a54f2f3f5b2fcffa" finds no such invoice
    When wang.fang has submitted a "einvoice-reimbursement" application of 张三:
      | invoiceNo       | 26442000000000000101                                               |
      | invoiceHash     | 0x64ce32625359692bf231cc091ca7e40758dba5998577bc6f88c4f0ed35878da1 |
      | reimbursingUnit | 甲公司财务部                                                         |
      | purpose         | 差旅住宿费                                                            |
    Then the step "Activity_CheckInvoice" answers state = 1 with its transaction on chain
    And the case waits at "Activity_FinanceReview" for a decision by the finance-officers
    When qian.hui decides APPROVE with the reasons "发票真实合法，与差旅行程一致，同意报销。" signed with her own key
    Then the decision and its step are in the blocks the receipt names
    And the case ends at "EndEvent_Reimbursed"
    And the step "Activity_RecordReimbursement" called InvoiceRegistry.reimburse successfully
    And anyone checking the invoice "26442000000000000101" with the file hash "0x64ce32625359692bf231cc091ca7e40758dba5998577bc6f88c4f0ed35878da1" finds it REIMBURSED by "甲公司财务部"

  Scenario: two companies claim one invoice: the chain enters it once and refuses the second, naming who reimbursed it
    Given wang.fang has submitted a "einvoice-issue" application of 星河软件:
      | invoiceNo   | 26442000000000000202                                               |
      | buyerRef    | B-91440300-0002                                                    |
      | amount      | 53000                                                              |
      | tax         | 3000                                                               |
      | invoiceHash | 0x3af0a0ea459bb1576c9171ee9c1d2a32742af9d004bff7d69d84d7a3cc2fb283 |
    And the case ends at "EndEvent_Issued"
    And wang.fang has submitted a "einvoice-reimbursement" application of 张三:
      | invoiceNo       | 26442000000000000202                                               |
      | invoiceHash     | 0x3af0a0ea459bb1576c9171ee9c1d2a32742af9d004bff7d69d84d7a3cc2fb283 |
      | reimbursingUnit | 甲公司财务部                                                         |
      | purpose         | 会议费                                                              |
    And the case waits at "Activity_FinanceReview" for a decision by the finance-officers
    And this is the case of "甲公司"
    And wang.fang has submitted a "einvoice-reimbursement" application of 张三:
      | invoiceNo       | 26442000000000000202                                               |
      | invoiceHash     | 0x3af0a0ea459bb1576c9171ee9c1d2a32742af9d004bff7d69d84d7a3cc2fb283 |
      | reimbursingUnit | 乙公司财务部                                                         |
      | purpose         | 会议费                                                              |
    And the case waits at "Activity_FinanceReview" for a decision by the finance-officers
    And this is the case of "乙公司"
    When we turn to the case of "甲公司"
    And qian.hui decides APPROVE with the reasons "会议费发票合规，同意报销。" signed with her own key
    Then the case ends at "EndEvent_Reimbursed"
    When we turn to the case of "乙公司"
    And wu.tao decides APPROVE with the reasons "会议费发票合规，同意报销。" signed with his own key
    Then the step "Activity_RecordReimbursement" was refused by the chain: invoice already reimbursed by "甲公司财务部" in the case of "甲公司"
    And the case ends at "EndEvent_RefusedByChain"
    And anyone checking the invoice "26442000000000000202" with the file hash "0x3af0a0ea459bb1576c9171ee9c1d2a32742af9d004bff7d69d84d7a3cc2fb283" finds it REIMBURSED by "甲公司财务部"
    When wang.fang has submitted a "einvoice-reimbursement" application of 张三:
      | invoiceNo       | 26442000000000000202                                               |
      | invoiceHash     | 0x3af0a0ea459bb1576c9171ee9c1d2a32742af9d004bff7d69d84d7a3cc2fb283 |
      | reimbursingUnit | 丙公司财务部                                                         |
      | purpose         | 会议费                                                              |
    Then the step "Activity_CheckInvoice" answers state = 2 with its transaction on chain
    And the case waits for corrections without any open task
    When wang.fang has submitted a "einvoice-red-letter" application of 星河软件:
      | originalNo    | 26442000000000000202                                               |
      | redLetterNo   | 26442000000000000206                                               |
      | redLetterHash | 0xaee1f24e316534b8f15b3ed2c2fb960fb72ad85aae52998b2a6a636618144141 |
      | reason        | 销售退回                                                              |
    Then the step "Activity_IssueRedLetter" was refused by the chain: original already reimbursed by "甲公司财务部" in the case of "甲公司"
    And the case ends at "EndEvent_Refused"

  Scenario: the seller reverses an invoice with a red-letter invoice; it cannot be reversed twice nor reimbursed
    Given wang.fang has submitted a "einvoice-issue" application of 星河软件:
      | invoiceNo   | 26442000000000000303                                               |
      | buyerRef    | B-91440300-0003                                                    |
      | amount      | 21200                                                              |
      | tax         | 1200                                                               |
      | invoiceHash | 0xf7c471553372ac88b7e7532738b9e8df5ba5c7fb5491c0a1f978d9628c294cc8 |
    And the case ends at "EndEvent_Issued"
    When wang.fang has submitted a "einvoice-red-letter" application of 星河软件:
      | originalNo    | 26442000000000000303                                               |
      | redLetterNo   | 26442000000000000304                                               |
      | redLetterHash | 0x89cc2ccdeb195ab32e421beb82f5893594eea2293e635b026f3893e414dc5e6a |
      | reason        | 开票有误                                                              |
    Then the step "Activity_IssueRedLetter" called InvoiceRegistry.issueRedLetter successfully
    And the case ends at "EndEvent_Reversed"
    And anyone checking the invoice "26442000000000000303" with the file hash "0xf7c471553372ac88b7e7532738b9e8df5ba5c7fb5491c0a1f978d9628c294cc8" finds it reversed by "26442000000000000304"
    And anyone checking the invoice "26442000000000000304" with the file hash "0x89cc2ccdeb195ab32e421beb82f5893594eea2293e635b026f3893e414dc5e6a" finds it RED_LETTER
    When wang.fang has submitted a "einvoice-red-letter" application of 星河软件:
      | originalNo    | 26442000000000000303                                               |
      | redLetterNo   | 26442000000000000305                                               |
      | redLetterHash | 0x44c1447b680ef8fe330ee8f6f2dff320b869b0fa472c0b1f81fef138f7a8d0e2 |
      | reason        | 销售退回                                                              |
    Then the step "Activity_IssueRedLetter" was refused by the chain with the reason "InvoiceRegistry: original already reversed by red-letter invoice 26442000000000000304"
    And the case ends at "EndEvent_Refused"
    When wang.fang has submitted a "einvoice-reimbursement" application of 张三:
      | invoiceNo       | 26442000000000000303                                               |
      | invoiceHash     | 0xf7c471553372ac88b7e7532738b9e8df5ba5c7fb5491c0a1f978d9628c294cc8 |
      | reimbursingUnit | 甲公司财务部                                                         |
      | purpose         | 办公用品                                                             |
    Then the step "Activity_CheckInvoice" answers state = 3 with its transaction on chain
    And the case waits for corrections without any open task

  Scenario: an invoice number is issued once: the chain refuses to issue it again
    Given wang.fang has submitted a "einvoice-issue" application of 星河软件:
      | invoiceNo   | 26442000000000000404                                               |
      | buyerRef    | B-91440300-0004                                                    |
      | amount      | 31800                                                              |
      | tax         | 1800                                                               |
      | invoiceHash | 0x15db17073f3e1afbdd6f1c00c8adba98f817608da4d061ad3bea4e247e1319b2 |
    And the case ends at "EndEvent_Issued"
    When wang.fang has submitted a "einvoice-issue" application of 星河软件:
      | invoiceNo   | 26442000000000000404                                               |
      | buyerRef    | B-91440300-0005                                                    |
      | amount      | 63600                                                              |
      | tax         | 3600                                                               |
      | invoiceHash | 0x18dada8a4b0923567062b496d27c7e7d1220b1160f496768a5b70e0102cc85c8 |
    Then the step "Activity_IssueInvoice" was refused by the chain with the reason "InvoiceRegistry: invoice number already issued"
    And the case ends at "EndEvent_Refused"
    And anyone checking the invoice "26442000000000000404" with the file hash "0x15db17073f3e1afbdd6f1c00c8adba98f817608da4d061ad3bea4e247e1319b2" finds it ISSUED
    And anyone checking the invoice "26442000000000000404" with the file hash "0x18dada8a4b0923567062b496d27c7e7d1220b1160f496768a5b70e0102cc85c8" finds no such invoice

  Scenario: the finance officer rejects a claim: nothing is entered and the invoice stays unreimbursed
    Given wang.fang has submitted a "einvoice-issue" application of 星河软件:
      | invoiceNo   | 26442000000000000505                                               |
      | buyerRef    | B-91440300-0006                                                    |
      | amount      | 8480                                                               |
      | tax         | 480                                                                |
      | invoiceHash | 0x5a536346b451584d9e08f74009c5d01d42c1b61c86b0c767b51e1ed0d01bd0b1 |
    And the case ends at "EndEvent_Issued"
    When wang.fang has submitted a "einvoice-reimbursement" application of 张三:
      | invoiceNo       | 26442000000000000505                                               |
      | invoiceHash     | 0x5a536346b451584d9e08f74009c5d01d42c1b61c86b0c767b51e1ed0d01bd0b1 |
      | reimbursingUnit | 甲公司财务部                                                         |
      | purpose         | 业务招待费                                                            |
    And the case waits at "Activity_FinanceReview" for a decision by the finance-officers
    When qian.hui decides REJECT with the reasons "招待事由与审批单不符，不予报销。" signed with her own key
    Then the decision and its step are in the blocks the receipt names
    And the case ends at "EndEvent_Rejected"
    And anyone checking the invoice "26442000000000000505" with the file hash "0x5a536346b451584d9e08f74009c5d01d42c1b61c86b0c767b51e1ed0d01bd0b1" finds it ISSUED
