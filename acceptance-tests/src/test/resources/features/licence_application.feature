Feature: 电子证照申领 (licence-application): an eligible application is approved and the licence issued
  A licensing officer (发证机关经办人) reviews an eligible application and approves it with a
  decision signed with a key only she holds (电子签名法 第十三条). The licence is then issued on
  chain. Every step of the case, automatic or manual, can be checked against the chain.

  Background:
    Given the ApprovalChain engine is running with its demo users

  Scenario: 王芳 approves an eligible application and the licence is issued
    Given li.na has received an application of 张三, aged 30, for a "食品经营许可证"
    Then the eligibility rule finds the application eligible
    And the application waits for review by the licensing officers
    When wang.fang approves it with the reasons "材料齐全，符合《行政许可法》第三十四条。" signed with her own key
    Then the decision receipt names wang.fang, APPROVE and the SM3 hash of the payload she signed
    And the decision and its step are in the blocks the receipt names
    And the case ends with the licence issued by LicenseRegistry.issue
    And anyone verifies the case's licence publicly as a valid "食品经营许可证"
    And the case records 3 steps, each with its transaction in the block the case names
    And the review step is the one in the decision receipt, taken by wang.fang
    And the case shows nothing of 张三's personal data

  Scenario: 王芳 refuses an eligible application and no licence is issued
    Given li.na has received an application of 李四, aged 40, for a "食品经营许可证"
    And the application waits for review by the licensing officers
    When wang.fang decides REJECT with the reasons "经营场所不符合食品安全要求，不予许可。" signed with her own key
    Then the decision receipt names wang.fang, REJECT and the SM3 hash of the payload she signed
    And the case ends at "EndEvent_NotApproved"
    And the case records 2 steps, each with its transaction in the block the case names
