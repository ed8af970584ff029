// LumoFlow — Azure resources for one environment, deployed into an existing resource group.
//
// Shape: an Azure Functions app on the Flex Consumption plan running the .NET 10 isolated worker
// (functions/LumoFlow.Functions) with Durable Functions; identity-only access to Storage (no account
// keys); Key Vault for the app's secrets (the child-index HMAC key); Application Insights on a Log
// Analytics workspace; Azure Communication Services Email with an Azure-managed sender domain, reached
// with the app's managed identity (no ACS access key in configuration).
//
// One storage account holds four things, each with its own names, so none can overwrite another:
//   - LumoFlow's own records: the tables Cases, CaseIndex, ChildIndex, AccessLog, TeamDigests, DataProtectionKeys, DeadlineChecks,
//     OnCallAlerts, StaffSessions (created here);
//   - the Durable Functions task hub "LumoFlow" (host.json), default Azure Storage backend: the tables
//     LumoFlowInstances and LumoFlowHistory, the queues lumoflow-control-NN and lumoflow-workitems and
//     lumoflow-* blob containers, all created by the Durable extension at start-up, not here;
//   - the Functions host's own blobs (host and function keys, timer schedule monitor, locks);
//   - the blob container "deployments" the Flex Consumption platform runs the app package from, and the
//     container "access-log-anchors", immutable (time-based retention), for the access log's daily anchors.
// Purging task hub history (instances, history, queues) never deletes LumoFlow's records: those are
// only in LumoFlow's own tables, which the Durable extension does not touch.
//
// Checked with `bicep build` and `bicep lint` (Bicep CLI 0.49.2, scripts/bicep-check.sh): that checks
// resource types, API versions and property names against the CLI's built-in schemas, no more. Not
// verified without Azure: that the values are accepted (e.g. runtime dotnet-isolated 10.0 and the
// scale limits in the chosen region), region availability of Flex Consumption, quotas, and that the
// app starts and reaches Storage, Key Vault and ACS with these role assignments. See README.md.

targetScope = 'resourceGroup'

// ---------------------------------------------------------------- parameters

@description('Azure region for the regional resources; must offer Flex Consumption (az functionapp list-flexconsumption-locations). The Communication Services resources are global.')
param location string = resourceGroup().location

@description('Short lowercase name prefix, letters and digits only (2-10 chars), e.g. "lumoflow".')
@minLength(2)
@maxLength(10)
param namePrefix string

@description('Environment name; part of every resource name.')
@allowed([
  'dev'
  'test'
  'prod'
])
param environment string

@description('HMAC key of the child index (LumoFlow__ChildIndexKey; at least 32 random bytes, e.g. openssl rand -base64 48). Stored only in Key Vault. Required on the first deployment; leave empty on later ones to keep the stored key. Never change it once cases exist: ChildIndex rows are keyed with it, so a new key stops new notifications from linking to existing cases.')
@secure()
param childIndexKey string = ''

@description('Storage redundancy of the account that holds LumoFlow\'s tables, the Durable task hub and the app package.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Public base URL used in links sent by email. Empty: https://<function app>.azurewebsites.net')
param publicBaseUrl string = ''

@description('Data location of the Communication Services resources (where email data is stored at rest).')
param communicationDataLocation string = 'Europe'

@description('Flex Consumption: most instances the app may scale out to (documented range 40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Flex Consumption: memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional: object id of the user or CI service principal that deploys the app package (az functionapp deployment source config-zip); gets Website Contributor on the Function App. Empty: no assignment.')
param deployerPrincipalId string = ''

@description('Principal type of deployerPrincipalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string = 'User'

@description('Staff sign-in: application (client) id of the Entra ID app registration (LumoFlow__Auth__Entra__ClientId). The registration needs the app roles SocialWorker, TeamLead and Admin, the groups claim in its ID tokens, ID tokens from the authorize endpoint, the redirect URI <publicBaseUrl>/signin/callback, and <publicBaseUrl>/signin?signedOut=true as where Entra returns after sign-out. Empty: no staff sign-in; only machine clients with a function key get in.')
param entraClientId string = ''

@description('Staff sign-in: the Entra ID tenant of the app registration (LumoFlow__Auth__Entra__TenantId). Default: the tenant of this deployment.')
param entraTenantId string = tenant().tenantId

@description('Staff sign-in: which security group makes its members part of which team, as [{ group: \'<group object id>\', team: \'<team id of routing.json>\' }]. A social worker or team lead works the cases of their team.')
param teamGroups array = []

@description('The administrators\' address for the daily deadline check\'s findings (LumoFlow__Checks__AdminEmail): case ids, finding codes and times, never a child\'s data. Empty: no email; the findings still show at the top of /admin.')
param checksAdminEmail string = ''

// Each daily anchor of the access log (the head of every hash chain: functions/LumoFlow.App/Records/AccessLogAnchors.cs)
// stays immutable this long: no one can change or delete it before. Once the policy is locked it can only be lengthened.
@description('Days each daily anchor of the access log stays immutable (WORM).')
@minValue(1)
@maxValue(146000)
param accessLogAnchorRetentionDays int = 3650

// A locked policy can only be lengthened, with its own command (infra/README.md): the template then leaves it alone.
@description('True once the access-log anchors\' immutability policy has been locked.')
param accessLogAnchorPolicyLocked bool = false

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

// ---------------------------------------------------------------- names

var suffix = take(uniqueString(resourceGroup().id, namePrefix, environment), 6)
var baseName = '${namePrefix}-${environment}'
var storageAccountName = take(toLower('st${replace(namePrefix, '-', '')}${environment}${suffix}'), 24)
var keyVaultName = take('kv-${baseName}-${suffix}', 24)
var functionAppName = 'func-${baseName}-${suffix}'
var planName = 'plan-${baseName}-${suffix}'
var logAnalyticsName = 'log-${baseName}-${suffix}'
var appInsightsName = 'appi-${baseName}-${suffix}'
var communicationName = 'acs-${baseName}-${suffix}'
var emailServiceName = 'ecs-${baseName}-${suffix}'
var deploymentContainerName = 'deployments'
// The access log's daily anchors (LumoFlow__AccessLog__AnchorContainer's default).
var anchorContainerName = 'access-log-anchors'
var childIndexKeySecretName = 'lumoflow-child-index-key'
// LumoFlow's own records (functions/LumoFlow.App/Records/LumoFlowTables.cs). The Durable task hub's
// tables (LumoFlowInstances, LumoFlowHistory) are not listed: the Durable extension creates them.
var tableNames = [
  'Cases'
  'CaseIndex'
  'ChildIndex'
  'AccessLog'
  'TeamDigests'
  'DataProtectionKeys'
  'DeadlineChecks'
  'OnCallAlerts'
  'StaffSessions'
]
var tableEndpoint = 'https://${storageAccountName}.table.${az.environment().suffixes.storage}'
var blobEndpoint = 'https://${storageAccountName}.blob.${az.environment().suffixes.storage}'
var effectivePublicBaseUrl = empty(publicBaseUrl) ? 'https://${functionAppName}.azurewebsites.net' : publicBaseUrl
// Staff sign-in (functions/LumoFlow.App/Auth/StaffAuthOptions.cs). A team group is a list entry, not a setting named
// by the group's id: an app setting's name may hold only letters, digits, periods and underscores.
var staffSignInSettings = empty(entraClientId) ? [] : concat([
  {
    name: 'LumoFlow__Auth__Entra__TenantId'
    value: entraTenantId
  }
  {
    name: 'LumoFlow__Auth__Entra__ClientId'
    value: entraClientId
  }
], flatten(map(range(0, length(teamGroups)), i => [
  {
    name: 'LumoFlow__Auth__TeamGroups__${i}__Group'
    value: teamGroups[i].group
  }
  {
    name: 'LumoFlow__Auth__TeamGroups__${i}__Team'
    value: teamGroups[i].team
  }
])))
// The daily deadline check's email (functions/LumoFlow.App/Checks/DeadlineChecks.cs): set only when an address is given.
var checksSettings = empty(checksAdminEmail) ? [] : [
  {
    name: 'LumoFlow__Checks__AdminEmail'
    value: checksAdminEmail
  }
]
var tags = {
  application: 'LumoFlow'
  environment: environment
}

// Built-in role definition ids (the same in every tenant).
var roleIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
  websiteContributor: 'de139f84-1756-47ae-9be6-808fbbe84772'
}

// ---------------------------------------------------------------- monitoring

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

// ---------------------------------------------------------------- storage (records + task hub + host + package)

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Identity only: the Functions host, Durable Functions, the table client and the Flex deployment
    // all use the app's managed identity (Entra ID). No account key exists in configuration.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    accessTier: 'Hot'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-08-01' = {
  parent: storage
  name: 'default'
}

// Flex Consumption keeps the app package here (functionAppConfig.deployment.storage).
resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-08-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// The access log's daily anchors: the head of every hash chain of the AccessLog table, one blob a day. A time-based
// retention policy on the container makes each blob immutable once written (WORM): it can be read, and new blobs can
// be added, but no blob can be overwritten or deleted, nor the container deleted while it holds one, until
// accessLogAnchorRetentionDays have passed. The app's identity holds data roles only, so it cannot change the policy
// (a management-plane action). The policy is created unlocked; lock it once the period is right (infra/README.md).
resource anchorContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-08-01' = {
  parent: blobService
  name: anchorContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource anchorImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-08-01' = if (!accessLogAnchorPolicyLocked) {
  parent: anchorContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: accessLogAnchorRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-08-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-08-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

// ---------------------------------------------------------------- Key Vault (app secrets)

resource keyVault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Purge protection cannot be turned off once on, and 'false' is not an accepted value: null leaves it off.
    enablePurgeProtection: environment == 'prod' ? true : null
    // Key Vault references in Flex Consumption app settings need a vault that is not network-restricted.
    publicNetworkAccess: 'Enabled'
  }
}

// Written only when a key is passed, so a redeployment without one keeps the current key.
resource childIndexKeySecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(childIndexKey)) {
  parent: keyVault
  name: childIndexKeySecretName
  properties: {
    value: childIndexKey
    contentType: 'LumoFlow child index HMAC key (never rotate while ChildIndex has rows)'
  }
}

// ---------------------------------------------------------------- Communication Services Email

resource emailService 'Microsoft.Communication/emailServices@2025-09-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: communicationDataLocation
  }
}

// Azure-managed domain: <guid>.azurecomm.net, sender DoNotReply@..., no DNS work; low sending limits.
// For production volumes link a custom, verified domain instead (see README).
resource emailDomain 'Microsoft.Communication/emailServices/domains@2025-09-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communication 'Microsoft.Communication/communicationServices@2025-09-01' = {
  name: communicationName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: communicationDataLocation
    linkedDomains: [
      emailDomain.id
    ]
  }
}

// ---------------------------------------------------------------- Function App (Flex Consumption, dotnet-isolated)

// A Flex Consumption plan holds exactly one app.
resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux (Flex Consumption is Linux only)
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  dependsOn: [
    // The platform stores the package in this container on the first code deployment.
    deploymentContainer
    childIndexKeySecret
  ]
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    // On Flex the runtime, the package location and scaling live here, not in app settings:
    // FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE are not used,
    // and siteConfig stack properties (linuxFxVersion, use32BitWorkerProcess, alwaysOn, ftpsState, ...)
    // are rejected or ignored, so siteConfig below sets only TLS and the app settings.
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      appSettings: concat([
        {
          // Identity-based host storage (keys, timer schedule monitor, locks) and, through the same
          // default connection, the Durable task hub "LumoFlow": blob, queue and table.
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          // LumoFlow's own tables, reached with the managed identity (DefaultAzureCredential).
          name: 'LumoFlow__Storage__TableEndpoint'
          value: tableEndpoint
        }
        {
          // The access log's daily anchors (blob container above), reached with the managed identity.
          name: 'LumoFlow__Storage__BlobEndpoint'
          value: blobEndpoint
        }
        {
          name: 'LumoFlow__Email__Provider'
          value: 'acs'
        }
        {
          // Endpoint only, no access key: the app authenticates to ACS with its managed identity.
          name: 'LumoFlow__Email__AcsEndpoint'
          value: 'https://${communication.properties.hostName}'
        }
        {
          name: 'LumoFlow__Email__SenderAddress'
          value: 'DoNotReply@${emailDomain.properties.mailFromSenderDomain}'
        }
        {
          name: 'LumoFlow__PublicBaseUrl'
          value: effectivePublicBaseUrl
        }
        {
          // Resolved by the platform with the app's identity (Key Vault Secrets User below).
          name: 'LumoFlow__ChildIndexKey'
          value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${childIndexKeySecretName})'
        }
        {
          // The public form's rate limit counts per client: the platform's front end appends the client's address here.
          name: 'LumoFlow__Intake__ClientAddressHeader'
          value: 'X-Forwarded-For'
        }
        {
          // The development sign-in mints tokens for anyone who reaches it. It runs only in the Development
          // environment anyway (StaffAuthOptions.DevSignInRuns); this turns it off explicitly as well.
          name: 'LumoFlow__Auth__DevSignIn__Enabled'
          value: 'false'
        }
        {
          // The notification form is the site's root; the host's own home page must not answer / instead.
          name: 'AzureWebJobsDisableHomepage'
          value: 'true'
        }
      ], staffSignInSettings, checksSettings)
    }
  }
}

// No FTP or basic-auth publishing: code deployment goes through the SCM site with Entra ID.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// ---------------------------------------------------------------- role assignments for the app's identity
// Names use functionApp.id (known at the start of the deployment), not the principal id (known only later).

// Host storage (keys, locks), the Flex deployment container, Durable's lease and large-message blobs.
resource appBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, functionApp.id, roleIds.storageBlobDataOwner)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataOwner)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Durable's control and work-item queues.
resource appQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, functionApp.id, roleIds.storageQueueDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageQueueDataContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// LumoFlow's tables and Durable's instance and history tables.
resource appTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, functionApp.id, roleIds.storageTableDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageTableDataContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appKeyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, functionApp.id, roleIds.keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Sending email with an Entra ID token needs a role on the Communication Services resource.
// Contributor covers it and is what ACS's Entra ID samples use; it is broad (it can also list the access keys):
// see README for narrowing it to a custom role.
resource appCommunicationContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: communication
  name: guid(communication.id, functionApp.id, roleIds.contributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.contributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Lets whoever deploys publish the package (Flex one-deploy through the SCM site, Entra ID) and read
// function keys, without rights on anything else in the resource group.
resource deployerWebsiteContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  scope: functionApp
  name: guid(functionApp.id, deployerPrincipalId, roleIds.websiteContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.websiteContributor)
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}

// ---------------------------------------------------------------- outputs (no secrets)

output functionAppName string = functionApp.name
output functionAppHostName string = functionApp.properties.defaultHostName
output publicBaseUrl string = effectivePublicBaseUrl
output storageAccountName string = storage.name
output deploymentContainerName string = deploymentContainer.name
output anchorContainerName string = anchorContainer.name
output tableEndpoint string = tableEndpoint
output keyVaultName string = keyVault.name
output childIndexKeySecretName string = childIndexKeySecretName
output communicationEndpoint string = 'https://${communication.properties.hostName}'
output senderAddress string = 'DoNotReply@${emailDomain.properties.mailFromSenderDomain}'
output appInsightsName string = appInsights.name
