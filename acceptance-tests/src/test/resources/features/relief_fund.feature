Feature: 临时救助金审批与发放 (relief-fund): relief paid in tranches under two signatures and a supervisor's eye
  Temporary relief (社会救助暂行办法 第四十七条至第四十九条): the household's monthly income per person is
  checked on chain against the standard the local government published. The civil-affairs officer
  reviews and signs (审核); then the head of the civil-affairs department signs their own decision
  (审批), seeing the officer's (多级审批, "层层上报压实责任"). The approved amount is recorded on chain and
  paid in tranches; the chain keeps the running total and refuses any tranche that would take it over
  the approved amount (专款专用, 第五条). The relief supervisors read every case and every tranche, decide
  nothing, and may raise a query that the head of department must review and answer.

  Background:
    Given the ApprovalChain engine is running with its demo users

  Scenario: the officer and the head of department sign, and the relief is paid in three tranches
    Given wang.fang has submitted a "relief-fund" application of 张三:
      | hardship               | 家庭成员突发重大疾病，基本生活暂时出现严重困难 |
      | householdSize          | 3                                  |
      | monthlyIncomePerCapita | 800                                |
      | requestedAmount        | 3000                               |
      | tranches               | 3                                  |
      | trancheAmount          | 1000                               |
    Then the step "Activity_CheckEligibility" answers eligible = true with its transaction on chain
    And the case waits at "Activity_OfficerReview" for a decision by the relief-officers
    When wu.qing decides APPROVE with the reasons "经入户调查核实，家庭人均收入低于标准，已公示无异议，拟予救助3000元。" signed with her own key
    Then the case waits at "Activity_HeadApproval" for a decision by the civil-affairs-heads
    And wu.qing does not see the review task in her task list
    And xu.jun sees wu.qing's decision APPROVE with the reasons "经入户调查核实，家庭人均收入低于标准，已公示无异议，拟予救助3000元。" before signing his own
    When xu.jun decides APPROVE with the reasons "同意，批准临时救助3000元，分三期发放。" signed with his own key
    Then the decision receipt names xu.jun, APPROVE and the SM3 hash of the payload he signed
    And the case ends at "EndEvent_Disbursed"
    And the step "Activity_RecordGrant" called ReliefFund.approveGrant successfully
    And the chain paid 3 tranches, 3000 yuan in all, each in the block the case names
    And qian.shen finds the case and reads its tranches but not the applicant's personal data

  Scenario: a payment plan over the approved amount: the chain refuses the tranche that would exceed it
    Given wang.fang has submitted a "relief-fund" application of 李四:
      | hardship               | 住房火灾，基本生活暂时出现严重困难 |
      | householdSize          | 2                       |
      | monthlyIncomePerCapita | 600                     |
      | requestedAmount        | 3000                    |
      | tranches               | 3                       |
      | trancheAmount          | 1200                    |
    And the case waits at "Activity_OfficerReview" for a decision by the relief-officers
    When wu.qing decides APPROVE with the reasons "情况属实，拟予救助。" signed with her own key
    And the case waits at "Activity_HeadApproval" for a decision by the civil-affairs-heads
    And xu.jun decides APPROVE with the reasons "同意。" signed with his own key
    Then the case ends at "EndEvent_DisbursementStopped"
    And the chain paid 2 tranches, 2400 yuan in all, each in the block the case names
    And the chain refused tranche 3 with the reason "ReliefFund: disbursement exceeds the approved amount"

  Scenario: an income over the published standard is refused on chain; on request an officer reviews it and confirms
    Given wang.fang has submitted a "relief-fund" application of 王五:
      | hardship               | 失业                |
      | householdSize          | 4                  |
      | monthlyIncomePerCapita | 1500               |
      | requestedAmount        | 2000               |
      | tranches               | 1                  |
      | trancheAmount          | 2000               |
    Then the step "Activity_CheckEligibility" answers eligible = false with its transaction on chain
    And the case waits for a human review request without any open task
    When wang.fang asks for a human review of the automated result because "家庭有重病患者，实际支出远超收入"
    Then the case waits at "Activity_HumanReview" for a decision by the relief-officers
    When wu.qing decides REJECT with the reasons "经核实，医疗费用已由医疗救助报销，家庭人均收入超过标准，维持。" signed with her own key
    Then the case ends at "EndEvent_IneligibleConfirmed"

  Scenario: an income over the published standard and no request for a human review within 60 days: the refusal stands
    Given wang.fang has submitted a "relief-fund" application of 郑十:
      | hardship               | 失业   |
      | householdSize          | 2     |
      | monthlyIncomePerCapita | 1800  |
      | requestedAmount        | 1000  |
      | tranches               | 1     |
      | trancheAmount          | 1000  |
    Then the step "Activity_CheckEligibility" answers eligible = false with its transaction on chain
    And the case waits for a human review request without any open task
    When the period for asking a human review passes
    Then the case ends at "EndEvent_Ineligible"

  Scenario: the officer refuses: the case never reaches the head of department
    Given wang.fang has submitted a "relief-fund" application of 冯十一:
      | hardship               | 房屋漏水   |
      | householdSize          | 3        |
      | monthlyIncomePerCapita | 950      |
      | requestedAmount        | 2000     |
      | tranches               | 1        |
      | trancheAmount          | 2000     |
    And the case waits at "Activity_OfficerReview" for a decision by the relief-officers
    When wu.qing decides REJECT with the reasons "经入户调查，困难不属于突发性、紧迫性、临时性生活困难，不予救助。" signed with her own key
    Then the case ends at "EndEvent_Refused"
    And the case records 2 steps, each with its transaction in the block the case names

  Scenario: the head of department sends the case back to the officer, then refuses it
    Given wang.fang has submitted a "relief-fund" application of 赵六:
      | hardship               | 交通事故致家庭主要劳动力受伤 |
      | householdSize          | 3                   |
      | monthlyIncomePerCapita | 900                 |
      | requestedAmount        | 5000                |
      | tranches               | 2                   |
      | trancheAmount          | 2500                |
    And the case waits at "Activity_OfficerReview" for a decision by the relief-officers
    When wu.qing decides APPROVE with the reasons "拟予救助5000元。" signed with her own key
    And the case waits at "Activity_HeadApproval" for a decision by the civil-affairs-heads
    And xu.jun decides RETURN_FOR_CORRECTION with the reasons "请核实事故赔偿款是否已到账。" signed with his own key
    Then the case waits at "Activity_OfficerReview" for a decision by the relief-officers
    When wu.qing decides APPROVE with the reasons "赔偿款已到账3万元，仍拟予救助。" signed with her own key
    And the case waits at "Activity_HeadApproval" for a decision by the civil-affairs-heads
    And xu.jun decides REJECT with the reasons "已获赔偿，基本生活未出现严重困难，不予批准。" signed with his own key
    Then the case ends at "EndEvent_RefusedByHead"

  Scenario: the supervisor's query opens a review task for the head of department
    Given wang.fang has submitted a "relief-fund" application of 钱七:
      | hardship               | 家庭成员突发重大疾病 |
      | householdSize          | 5              |
      | monthlyIncomePerCapita | 700            |
      | requestedAmount        | 4000           |
      | tranches               | 2              |
      | trancheAmount          | 2000           |
    And the case waits at "Activity_OfficerReview" for a decision by the relief-officers
    When wu.qing raises the query "为什么拖延？"
    Then the request is refused with status 403
    When qian.shen raises the query "申请人家庭财产状况是否已经信息核对？请复核。"
    Then the case waits at "Activity_AnswerQuery" for a decision by the civil-affairs-heads
    And the case shows the query of qian.shen with the reason "申请人家庭财产状况是否已经信息核对？请复核。"
    And qian.shen may not decide the review task
    When xu.jun decides APPROVE with the reasons "已通过家庭经济状况信息核对平台核对，无异常。" signed with his own key
    Then the case waits at "Activity_OfficerReview" for a decision by the relief-officers

  Scenario: nobody reviews within 10 working days, the head of department decides
    Given wang.fang has submitted a "relief-fund" application of 孙八:
      | hardship               | 家庭成员突发重大疾病 |
      | householdSize          | 2              |
      | monthlyIncomePerCapita | 500            |
      | requestedAmount        | 1000           |
      | tranches               | 1              |
      | trancheAmount          | 1000           |
    And the case waits at "Activity_OfficerReview" for a decision by the relief-officers
    Then the time limit of the task falls due at 24:00 in Beijing on the 10th working day after the task was created
    When the time limit passes
    Then the case waits at "Activity_OverdueReview" for a decision by the civil-affairs-heads
    And wu.qing does not see the review task in her task list
    When xu.jun decides APPROVE with the reasons "超期督办：情况属实，批准救助1000元。" signed with his own key
    Then the case ends at "EndEvent_Disbursed"
    And the chain paid 1 tranche, 1000 yuan in all, each in the block the case names
