Feature: 证照核验与复用 (licence check and reuse): a licence issued on chain fills the next application
  Every licence a process issues can be checked by anyone, without logging in, against LicenseRegistry
  (国务院令第716号 第十条: 电子证照全国互信互认). An applicant's valid licences, checked on chain at that
  moment, fill the fields of a new application that the form declares may be filled from them
  (平台系统直接读取核验、自动填写电子申请表格): a food business licence application takes the operator's
  name from the business licence, which need not be submitted again where it can be verified online
  (食品经营许可和备案管理办法 第十三条第三款; 国务院令第716号 第七条). The reused licence's hash becomes a
  material of the new case, and the approver's signed decision binds it.

  Background:
    Given the ApprovalChain engine is running with its demo users

  Scenario: the business licence fills a food business licence application and is a material the approver signs
    Given wang.fang has submitted a "business-registration" application of 张三:
      | enterpriseName     | 北京复用餐饮有限公司 |
      | tradeName          | 复用               |
      | industry           | 餐饮业              |
      | materialsSubmitted | 5                  |
    And the case waits at "Activity_OfficerReview" for a decision by the registration-officers
    When chen.jie decides APPROVE with the reasons "材料齐全、符合法定形式，准予设立登记。" signed with his own key
    Then the case ends at "EndEvent_Registered"
    And anyone verifies the case's licence publicly as a valid "营业执照 business licence"
    And wang.fang's licences include the case's licence, valid on chain
    When wang.fang fills a "licence-application" application from her licences
    Then the field "enterpriseName" is filled with "北京复用餐饮有限公司" from the case's licence
    When wang.fang submits the filled application of 张三, aged 30, for a "食品经营许可证" reusing the licence
    Then the new case keeps the licence's hash as its material
    And the application waits for review by the licensing officers
    When li.na approves it with the reasons "营业执照经链上核验，材料齐全。" signed with her own key
    Then the payload she signed binds the licence's hash
    And the case ends with the licence issued by LicenseRegistry.issue
    And anyone verifies the case's licence publicly as a valid "食品经营许可证"

  Scenario: a licence held by someone else cannot be reused
    Given wang.fang has submitted a "business-registration" application of 王五:
      | enterpriseName     | 北京他人商贸有限公司 |
      | tradeName          | 他人               |
      | industry           | 批发业              |
      | materialsSubmitted | 5                  |
    And the case waits at "Activity_OfficerReview" for a decision by the registration-officers
    When chen.jie decides APPROVE with the reasons "材料齐全、符合法定形式，准予设立登记。" signed with his own key
    Then the case ends at "EndEvent_Registered"
    And anyone verifies the case's licence publicly as a valid "营业执照 business licence"
    When wang.fang fills a "licence-application" application from her licences
    And wang.fang submits the filled application of 赵六, aged 30, for a "食品经营许可证" reusing the licence
    Then the start is refused with LICENCE-003, naming the licence and "is not held by this applicant"
