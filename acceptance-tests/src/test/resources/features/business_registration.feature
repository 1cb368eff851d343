Feature: 企业开办 (business-registration): registering an enterprise
  The materials' completeness (市场主体登记管理条例 第十六条、第十九条) and the trade name (企业名称登记管理规定
  第十七条) are checked automatically on chain, in parallel. An incomplete file or a trade name already
  registered in the same industry goes back to the applicant once for correction (补正). The
  registration officer decides and signs; the electronic business licence is then issued on chain and
  the name registered, so that no later application can take it.

  Background:
    Given the ApprovalChain engine is running with its demo users

  Scenario: a complete application with a free name is registered and the business licence issued
    Given wang.fang has submitted a "business-registration" application of 张三:
      | enterpriseName     | 北京云帆科技有限公司 |
      | tradeName          | 云帆               |
      | industry           | 软件和信息技术服务业 |
      | materialsSubmitted | 5                  |
    Then the step "Activity_CheckMaterials" answers eligible = true with its transaction on chain
    And the step "Activity_CheckName" answers valid = false with its transaction on chain
    And the case waits at "Activity_OfficerReview" for a decision by the registration-officers
    When chen.jie decides APPROVE with the reasons "材料齐全、符合法定形式，准予设立登记。" signed with his own key
    Then the decision receipt names chen.jie, APPROVE and the SM3 hash of the payload he signed
    And the decision and its step are in the blocks the receipt names
    And the case ends at "EndEvent_Registered"
    And the case records 5 steps, each with its transaction in the block the case names
    And the step "Activity_IssueLicence" called LicenseRegistry.issue successfully
    And anyone verifies the case's licence publicly as a valid "营业执照 business licence"
    And the step "Activity_RegisterName" called DocumentEvidence.anchor successfully
    And every step of the case was sent on chain by the account of "市场监督管理局"

  Scenario: a trade name already registered in the industry goes back for correction
    Given wang.fang has submitted a "business-registration" application of 李四:
      | enterpriseName     | 北京星河软件有限公司 |
      | tradeName          | 星河               |
      | industry           | 软件和信息技术服务业 |
      | materialsSubmitted | 5                  |
    Then the step "Activity_CheckName" answers valid = true with its transaction on chain
    And the case waits for corrections without any open task
    When wang.fang submits the corrections:
      | enterpriseName | 北京星航软件有限公司 |
      | tradeName      | 星航               |
    Then the case waits at "Activity_OfficerReview" for a decision by the registration-officers
    And the step "Activity_CheckName" was checked 2 times

  Scenario: incomplete materials, then the officer returns the file: two corrections before the decision
    Given wang.fang has submitted a "business-registration" application of 王五:
      | enterpriseName     | 北京远航物流有限公司 |
      | tradeName          | 远航               |
      | industry           | 道路货物运输         |
      | materialsSubmitted | 4                  |
    Then the step "Activity_CheckMaterials" answers eligible = false with its transaction on chain
    And the case waits for corrections without any open task
    When wang.fang submits the corrections:
      | materialsSubmitted | 5 |
    Then the case waits at "Activity_OfficerReview" for a decision by the registration-officers
    When chen.jie decides RETURN_FOR_CORRECTION with the reasons "公司章程缺少股东签字，请补正。" signed with his own key
    Then the case waits for corrections without any open task
    When wang.fang submits the corrections:
      | materialsSubmitted | 5 |
    Then the case waits at "Activity_OfficerReview" for a decision by the registration-officers
    When chen.jie decides APPROVE with the reasons "补正后材料齐全，准予登记。" signed with his own key
    Then the case ends at "EndEvent_Registered"

  Scenario: the officer refuses the registration with reasons
    Given wang.fang has submitted a "business-registration" application of 钱七:
      | enterpriseName     | 北京明远商贸有限公司 |
      | tradeName          | 明远               |
      | industry           | 零售业              |
      | materialsSubmitted | 5                  |
    Then the case waits at "Activity_OfficerReview" for a decision by the registration-officers
    When chen.jie decides REJECT with the reasons "经营范围含需前置审批的项目，未取得许可文件，不予登记。" signed with his own key
    Then the decision and its step are in the blocks the receipt names
    And the case ends at "EndEvent_Refused"
