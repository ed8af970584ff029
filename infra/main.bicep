// LumoFlow — Azure resources for one environment, deployed into an existing resource group.
//
// Written by hand: no Bicep compiler was available where this was written, so it has not been
// compiled or deployed. See README.md (same folder) for what each resource is for, the choices made,
// and how to deploy and publish the app.
//
// Shape: a Linux Consumption (Y1) Function App running LumoFlow as an Azure Functions custom handler
// (FUNCTIONS_WORKER_RUNTIME=custom, self-contained linux-x64 executable, run from a package blob),
// identity-only access to Storage (no account keys), Key Vault for the staff API key, Application
// Insights on a Log Analytics workspace, and Azure Communication Services Email with an
// Azure-managed sender domain, reached with the app's managed identity (no ACS access key in config).

targetScope = 'resourceGroup'

// ---------------------------------------------------------------- parameters

@description('Azure region for the regional resources (the Communication Services resources are global).')
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

@description('The staff API key the app checks in the x-functions-key header (at least 32 characters; generate e.g. with: openssl rand -base64 48). Stored only in Key Vault. Required on the first deployment; leave empty on later ones to keep the stored key (a new value rotates it).')
@secure()
param functionKey string = ''

@description('Storage redundancy for the state account (Cases, CaseAlarms, ChildIndex, AccessLog, TeamDigests).')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Public base URL used in links sent by email. Empty: https://<function app>.azurewebsites.net')
param publicBaseUrl string = ''

@description('Data location of the Communication Services resources (where email data is stored at rest).')
param communicationDataLocation string = 'Europe'

@description('Name of the package blob (in the "deployments" container) the Function App runs from.')
param packageBlobName string = 'lumoflow-functions.zip'

@description('Optional: object id of the user or CI service principal that uploads the package; gets Storage Blob Data Contributor on the account. Empty: no assignment.')
param deployerPrincipalId string = ''

@description('Principal type of deployerPrincipalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string = 'User'

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
var functionKeySecretName = 'lumoflow-function-key'
var tableNames = [
  'Cases'
  'CaseAlarms'
  'ChildIndex'
  'AccessLog'
  'TeamDigests'
]
var effectivePublicBaseUrl = empty(publicBaseUrl) ? 'https://${functionAppName}.azurewebsites.net' : publicBaseUrl
var tags = {
  application: 'LumoFlow'
  environment: environment
}

// Built-in role definition ids (the same in every tenant).
var roleIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
}

// ---------------------------------------------------------------- monitoring

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
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

// ---------------------------------------------------------------- storage (state + Functions host + package)

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
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
    // Identity only: the app (AzureWebJobsStorage__accountName, the table client) and the deployer use Entra ID.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    accessTier: 'Hot'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

// ---------------------------------------------------------------- Key Vault (staff API key)

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
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
    publicNetworkAccess: 'Enabled'
  }
}

// Written only when a key is passed, so a redeployment without one keeps the current key.
resource functionKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(functionKey)) {
  parent: keyVault
  name: functionKeySecretName
  properties: {
    value: functionKey
    contentType: 'LumoFlow staff API key (x-functions-key)'
  }
}

// ---------------------------------------------------------------- Communication Services Email

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: communicationDataLocation
  }
}

// Azure-managed domain: <guid>.azurecomm.net, sender DoNotReply@..., no DNS work; low sending limits.
// For production volumes link a custom, verified domain instead (see README).
resource emailDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communication 'Microsoft.Communication/communicationServices@2023-04-01' = {
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

// ---------------------------------------------------------------- Function App (custom handler)

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: 'Y1'
    tier: 'Dynamic'
  }
  properties: {
    reserved: true // Linux
  }
}

resource functionApp 'Microsoft.Web/sites@2023-12-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  dependsOn: [
    functionKeySecret
  ]
  properties: {
    serverFarmId: plan.id
    reserved: true
    httpsOnly: true
    clientCertEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      // Custom handler: no language stack. The package is a self-contained linux-x64 build (README).
      linuxFxVersion: ''
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      use32BitWorkerProcess: false
      appSettings: [
        {
          name: 'FUNCTIONS_EXTENSION_VERSION'
          value: '~4'
        }
        {
          name: 'FUNCTIONS_WORKER_RUNTIME'
          value: 'custom'
        }
        {
          // Identity-based host storage (keys, timer schedule monitor, singleton locks): blob + queue.
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          // Run from the package blob, fetched with the app's system-assigned identity (no SAS).
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: 'https://${storage.name}.blob.${az.environment().suffixes.storage}/${deploymentContainerName}/${packageBlobName}'
        }
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID'
          value: 'SystemAssigned'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'LumoFlow__Storage__TableEndpoint'
          value: 'https://${storage.name}.table.${az.environment().suffixes.storage}'
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
          name: 'LumoFlow__FunctionKey'
          value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${functionKeySecretName})'
        }
      ]
    }
  }
}

// No FTP or basic-auth publishing: deployment goes through the package blob with Entra ID.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// ---------------------------------------------------------------- role assignments for the app's identity
// Names use functionApp.id (known at the start of the deployment), not the principal id (known only later).

resource appBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, functionApp.id, roleIds.storageBlobDataOwner)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataOwner)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, functionApp.id, roleIds.storageQueueDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageQueueDataContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

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

// Lets whoever deploys upload the package blob without account keys.
resource deployerBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  scope: storage
  name: guid(storage.id, deployerPrincipalId, roleIds.storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataContributor)
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
output packageBlobName string = packageBlobName
output tableEndpoint string = 'https://${storage.name}.table.${az.environment().suffixes.storage}'
output keyVaultName string = keyVault.name
output communicationEndpoint string = 'https://${communication.properties.hostName}'
output senderAddress string = 'DoNotReply@${emailDomain.properties.mailFromSenderDomain}'
output appInsightsName string = appInsights.name
