Feature: Only a decision the approver signed over the exact payload completes a review
  The engine verifies every decision against the approver's registered SM2 public key before it
  records the decision on chain and completes the task (电子签名法 第十三条). Whatever is refused
  leaves the review task open and nothing on chain.

  Background:
    Given the ApprovalChain engine is running with its demo users
    And li.na has received an application of 张三, aged 30, for a "食品经营许可证"
    And the application waits for review by the licensing officers

  Scenario: an unsigned decision is refused
    When wang.fang submits her approval without a signature
    Then the decision is refused with status 400 and the reason "signature: must not be blank"
    And the review task is still open

  Scenario Outline: a decision signed with a key that is not the approver's is refused
    When wang.fang submits her approval signed with <key>
    Then the decision is refused with status 400 and the reason "DOES_NOT_VERIFY"
    And the review task is still open

    Examples:
      | key                               |
      | li.na's key                       |
      | a key nobody registered           |

  Scenario: a decision over a changed payload is refused
    When wang.fang signs her approval with the reasons "缺少材料"
    But the reasons are changed to "材料齐全" after she signed
    And the changed decision is submitted
    Then the decision is refused with status 400 and the reason "DOES_NOT_VERIFY"
    And the review task is still open

  Scenario: a replayed decision changes nothing: it answers the first receipt and is recorded once
    Given wang.fang approves it with the reasons "材料齐全" signed with her own key
    When the same signed decision is submitted again
    Then the engine answers 200 with the receipt it gave the first time
    And the case records the review decision exactly once

  Scenario: completing the review through Camunda's REST API without a decision is refused
    When wang.fang completes the review task through Camunda's REST API
    Then Camunda refuses it with the reason "DECISION-001"
    And the review task is still open
