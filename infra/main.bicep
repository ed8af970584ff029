// LumoFlow — Azure resources for one environment, deployed into an existing resource group.
//
// Shape: an Azure Functions app on the Flex Consumption plan running the .NET 10 isolated worker
// (functions/LumoFlow.Functions) with Durable Functions; identity-only access to Storage (no account
// keys); Key Vault for the app's secrets (the child-index HMAC key); Application Insights on a Log
// Analytics workspace; Azure Communication Services Email with an Azure-managed sender domain, reached
// with the app's managed identity (no ACS access key in configuration).
//
// Networks: the storage account and Key Vault deny every network but the app's integration subnet (given, or a
// network of the template's own), allowedSubnetIds and allowedIpRanges; with privateEndpointSubnetId, private
// endpoints only. Monitoring: Application Insights with local auth off (Entra ID only), diagnostic settings of the app,
// the storage account and its services and Key Vault to the workspace, and alert rules on LumoFlow's own metrics to an
// action group (alertEmail).
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

// ---- networks: the storage account and Key Vault deny every network not named here (infra/README.md, Networks).

// Delegated to Microsoft.App/environments, with the service endpoints Microsoft.Storage and Microsoft.KeyVault. Empty: the
// template creates a virtual network of its own with such a subnet (appVnetAddressPrefix).
@description('Subnet (resource id) of the Function App\'s virtual network integration; the storage account and Key Vault allow it.')
param appSubnetId string = ''

@description('Address space of the virtual network the template creates when appSubnetId is empty (its app subnet takes the first half).')
param appVnetAddressPrefix string = '10.80.0.0/24'

// With the service endpoints Microsoft.Storage and Microsoft.KeyVault, e.g. an operators' jump host.
@description('Other subnets (resource ids) the storage account and Key Vault allow.')
param allowedSubnetIds array = []

// E.g. the operators' and the deploying pipeline's addresses, for data-plane commands (az storage blob ... --auth-mode login).
@description('Public IPv4 addresses or CIDR ranges the storage account and Key Vault allow. Empty: none.')
param allowedIpRanges array = []

// Endpoints for blob, queue, table and the vault, with privatelink DNS zones linked to the subnet's network. Set: public
// network access to both is disabled altogether; the app reaches them over its integration (appSubnetId, same or peered).
@description('Optional: a subnet (resource id) for private endpoints of the storage account and Key Vault.')
param privateEndpointSubnetId string = ''

// ---- alerts (infra/README.md, Alerts)

@description('Where the alerts go: an email address for the action group. Empty: the alert rules exist and show in the portal, but notify no one.')
param alertEmail string = ''

@description('Email sending attempts that may fail in an hour before an alert (each failure is retried; a mail outage fails many).')
@minValue(1)
param emailFailuresPerHour int = 5

// ---------------------------------------------------------------- names

var suffix = take(uniqueString(resourceGroup().id, namePrefix, environment), 6)
var baseName = '${namePrefix}-${environment}'
var storageAccountName = take(toLower('st${replace(namePrefix, '-', '')}${environment}${suffix}'), 24)
var keyVaultName = take('kv-${baseName}-${suffix}', 24)
var functionAppName = 'func-${baseName}-${suffix}'
var planName = 'plan-${baseName}-${suffix}'
var logAnalyticsName = 'log-${baseName}-${suffix}'
var appInsightsName = 'appi-${baseName}-${suffix}'
var actionGroupName = 'ag-${baseName}-${suffix}'
var vnetName = 'vnet-${baseName}-${suffix}'
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
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// The app's way to its storage and vault: the given subnet, or the one of the network created below.
var ownVnet = empty(appSubnetId)
var effectiveAppSubnetId = ownVnet ? resourceId('Microsoft.Network/virtualNetworks/subnets', vnetName, 'app') : appSubnetId
// Networks the storage account and Key Vault allow; every other network is denied (defaultAction 'Deny').
var allowedSubnets = union([effectiveAppSubnetId], allowedSubnetIds)
var privateEndpointsOn = !empty(privateEndpointSubnetId)
// With private endpoints, nothing comes in over the public endpoint at all (service-endpoint and IP rules included).
var dataPublicNetworkAccess = privateEndpointsOn ? 'Disabled' : 'Enabled'
var privateEndpointVnetId = privateEndpointsOn ? split(privateEndpointSubnetId, '/subnets/')[0] : ''
var storagePrivateServices = [
  'blob'
  'queue'
  'table'
]

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

// Workspace-based, and Entra ID only: the connection string's key alone is refused (local auth off). The app's identity
// sends with Monitoring Metrics Publisher (below): the Functions host (APPLICATIONINSIGHTS_AUTHENTICATION_STRING) and
// the worker's OpenTelemetry exporter (functions/LumoFlow.App/Hosting/TelemetrySetup.cs).
resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: true
  }
}

// ---------------------------------------------------------------- network (only without appSubnetId)

// The app's integration subnet, for Flex Consumption (delegated to Microsoft.App/environments), with service endpoints
// so that the storage account's and Key Vault's network rules let it in.
resource appVnet 'Microsoft.Network/virtualNetworks@2024-05-01' = if (ownVnet) {
  name: vnetName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        appVnetAddressPrefix
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: cidrSubnet(appVnetAddressPrefix, int(split(appVnetAddressPrefix, '/')[1]) + 1, 0)
          delegations: [
            {
              name: 'flex'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
          serviceEndpoints: [
            {
              service: 'Microsoft.Storage'
            }
            {
              service: 'Microsoft.KeyVault'
            }
          ]
        }
      }
    ]
  }
}

// ---------------------------------------------------------------- storage (records + task hub + host + package)

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' = {
  name: storageAccountName
  location: location
  tags: tags
  // Its network rules name the app's subnet (by id, so the dependency is written out).
  dependsOn: [
    appVnet
  ]
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
    // No network but those named: the app's integration subnet (service endpoint), allowedSubnetIds, allowedIpRanges,
    // or private endpoints only (privateEndpointSubnetId). Trusted Azure services still need a role to read anything.
    publicNetworkAccess: dataPublicNetworkAccess
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      ipRules: [for ip in allowedIpRanges: {
        value: ip
        action: 'Allow'
      }]
      virtualNetworkRules: [for subnet in allowedSubnets: {
        id: subnet
        action: 'Allow'
      }]
    }
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

// Declared for its diagnostic setting (Durable's queues are created by the Durable extension).
resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-08-01' = {
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
  dependsOn: [
    appVnet
  ]
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
    // No network but those named, as for storage. The platform resolves the app's Key Vault reference with the app's
    // identity over its integration subnet (appSubnetId) or a private endpoint; not verified on Flex (infra/README.md).
    publicNetworkAccess: dataPublicNetworkAccess
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      ipRules: [for ip in allowedIpRanges: {
        value: ip
      }]
      virtualNetworkRules: [for subnet in allowedSubnets: {
        id: subnet
        ignoreMissingVnetServiceEndpoint: false
      }]
    }
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
    appVnet
  ]
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    // The way to the storage account and Key Vault, which deny the internet (appSubnetId, or the template's own network).
    virtualNetworkSubnetId: effectiveAppSubnetId
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
          // Where telemetry goes: the Functions host's, and the worker's OpenTelemetry (traces and LumoFlow's metrics).
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          // Local auth is off: the host sends with the app's system-assigned identity (Monitoring Metrics Publisher).
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD'
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

// Telemetry with Entra ID (Application Insights' local auth is off): the Functions host's and the worker's exporter.
resource appMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: appInsights
  name: guid(appInsights.id, functionApp.id, roleIds.monitoringMetricsPublisher)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.monitoringMetricsPublisher)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------- private endpoints (only with privateEndpointSubnetId)
// One per storage service and one for the vault, each with its privatelink DNS zone linked to the endpoints' network.
// An organisation with central private DNS zones links its own instead (infra/README.md, Networks).

resource storageDnsZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for service in storagePrivateServices: if (privateEndpointsOn) {
    name: 'privatelink.${service}.${az.environment().suffixes.storage}'
    location: 'global'
    tags: tags
  }
]

resource storageDnsLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (service, i) in storagePrivateServices: if (privateEndpointsOn) {
    parent: storageDnsZones[i]
    name: 'link-${baseName}'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: privateEndpointVnetId
      }
    }
  }
]

resource storageEndpoints 'Microsoft.Network/privateEndpoints@2024-05-01' = [
  for service in storagePrivateServices: if (privateEndpointsOn) {
    name: 'pe-${storageAccountName}-${service}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: privateEndpointSubnetId
      }
      privateLinkServiceConnections: [
        {
          name: service
          properties: {
            privateLinkServiceId: storage.id
            groupIds: [
              service
            ]
          }
        }
      ]
    }
  }
]

resource storageEndpointDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = [
  for (service, i) in storagePrivateServices: if (privateEndpointsOn) {
    parent: storageEndpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: service
          properties: {
            privateDnsZoneId: storageDnsZones[i].id
          }
        }
      ]
    }
  }
]

resource vaultDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = if (privateEndpointsOn) {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
  tags: tags
}

resource vaultDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = if (privateEndpointsOn) {
  parent: vaultDnsZone
  name: 'link-${baseName}'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: privateEndpointVnetId
    }
  }
}

resource vaultEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = if (privateEndpointsOn) {
  name: 'pe-${keyVaultName}'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: privateEndpointSubnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'vault'
        properties: {
          privateLinkServiceId: keyVault.id
          groupIds: [
            'vault'
          ]
        }
      }
    ]
  }
}

resource vaultEndpointDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = if (privateEndpointsOn) {
  parent: vaultEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'vault'
        properties: {
          privateDnsZoneId: vaultDnsZone.id
        }
      }
    ]
  }
}

// ---------------------------------------------------------------- diagnostic settings (to the Log Analytics workspace)
// The platform's own logs and metrics of the app, the storage account and its services, and Key Vault. None holds a
// child's data: the app's logs carry ids and kinds only (docs/data-protection.md); storage and vault logs hold
// operations, callers and resource names (table and partition keys are case ids and keyed hashes).

resource functionAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: functionApp
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource storageDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: storage
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalytics.id
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

// Reads, writes and deletes of blobs and tables (LumoFlow's records, the anchors, the package).
resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: blobService
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'StorageRead'
        enabled: true
      }
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: tableService
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'StorageRead'
        enabled: true
      }
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

// Queues carry only Durable's messages, polled every few seconds: writes and deletes, not every empty read.
resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: queueService
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

// Every access to the vault (who read the child-index key, when), and its metrics.
resource keyVaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: keyVault
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------- alerts
// Log search alerts on LumoFlow's own metrics (functions/LumoFlow.App/Hosting/LumoFlowTelemetry.cs), which the worker's
// OpenTelemetry exporter sends to Application Insights and so to the workspace's AppMetrics table: Name is the
// instrument's, Sum a counter's increase in the export interval, Max a gauge's value.

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('lumo${environment}', 12)
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var alertActionGroups = empty(alertEmail) ? [] : [
  actionGroup.id
]

var alertRules = [
  {
    key: 'orchestrations-failed'
    title: 'case orchestrations failed'
    description: join([
      'The engine holds a case orchestration as failed (lumoflow.orchestrations.failed, measured every 5 minutes).'
      'The daily deadline check restarts an open case from its record; look at the instance\'s failure in /admin first.'
    ], ' ')
    severity: 1
    frequency: 'PT15M'
    window: 'PT15M'
    query: 'AppMetrics | where Name == "lumoflow.orchestrations.failed" | summarize Failed = max(Max)'
    column: 'Failed'
    threshold: 0
    mute: ''
  }
  {
    key: 'email-failures'
    title: 'emails failing'
    description: join([
      'Sending emails fails (lumoflow.email.failures, attempts in the last hour, by kind in Properties):'
      'reminders and escalations may not reach staff. Each is retried; check the mail service (ACS) and the app\'s logs.'
    ], ' ')
    severity: 2
    frequency: 'PT15M'
    window: 'PT1H'
    query: 'AppMetrics | where Name == "lumoflow.email.failures" | summarize Failures = sum(Sum)'
    column: 'Failures'
    threshold: emailFailuresPerHour - 1
    mute: ''
  }
  {
    key: 'deadline-check-findings'
    title: 'the daily deadline check found something'
    description: join([
      'The daily deadline check found a case whose deadline or escalation the engine lost, an unsent email or urgency'
      'unassessed past on-call (lumoflow.deadline_check.findings, by finding code in Properties). The report is at the top of /admin.'
    ], ' ')
    severity: 2
    frequency: 'PT1H'
    window: 'PT1H'
    query: 'AppMetrics | where Name == "lumoflow.deadline_check.findings" | summarize Findings = sum(Sum)'
    column: 'Findings'
    threshold: 0
    mute: ''
  }
  {
    key: 'overdue-growing'
    title: 'overdue cases growing'
    description: join([
      'More open cases are past their decision or assessment deadline than 24 hours ago (lumoflow.cases.overdue,'
      'hourly maxima: the newest minus the oldest of the day). Notified at most once a day.'
    ], ' ')
    severity: 3
    frequency: 'PT1H'
    window: 'P1D'
    query: '''
let hourly = AppMetrics | where Name == "lumoflow.cases.overdue" | summarize Overdue = max(Max) by Hour = bin(TimeGenerated, 1h);
print Growth = toscalar(hourly | top 1 by Hour desc | project Overdue) - toscalar(hourly | top 1 by Hour asc | project Overdue)
'''
    column: 'Growth'
    threshold: 0
    mute: 'PT24H'
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in alertRules: {
    name: 'alert-${baseName}-${rule.key}'
    location: location
    tags: tags
    properties: {
      displayName: 'LumoFlow ${environment}: ${rule.title}'
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        logAnalytics.id
      ]
      evaluationFrequency: rule.frequency
      windowSize: rule.window
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Maximum'
            metricMeasureColumn: rule.column
            operator: 'GreaterThan'
            threshold: rule.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      // A daily rule notifies once and stays quiet for a day; the others resolve themselves when the condition ends.
      autoMitigate: empty(rule.mute)
      muteActionsDuration: empty(rule.mute) ? null : rule.mute
      actions: {
        actionGroups: alertActionGroups
      }
    }
  }
]

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
output logAnalyticsWorkspaceId string = logAnalytics.id
output alertRuleNames array = [for (rule, i) in alertRules: alerts[i].name]
